/// The ncurses wizard; it draws through a terminal protocol so that tests can use an in-memory screen.
public enum RiggerTUI {}
