#ifndef RIGGER_CNCURSESW_SHIM_H
#define RIGGER_CNCURSESW_SHIM_H

/* Wide-character ncurses: the wide API (add_wch, get_wch, cchar_t) is only
   declared when this is set before the header is read. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

/* Globals and function-like macros that Swift 6 can't import as they are. */
static inline FILE *rigger_stdout(void) { return stdout; }
static inline FILE *rigger_stdin(void) { return stdin; }
static inline const char *rigger_codeset(void) { return nl_langinfo(CODESET); }
static inline WINDOW *rigger_stdscr(void) { return stdscr; }
static inline int rigger_lines(void) { return LINES; }
static inline int rigger_cols(void) { return COLS; }
static inline int rigger_colors(void) { return COLORS; }

static inline void rigger_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy = 0, xx = 0;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}

/* ACS_* are entries of acs_map indexed by a character: only valid after initscr. */
static inline unsigned int rigger_acs_hline(void) { return (unsigned int)ACS_HLINE; }
static inline unsigned int rigger_acs_vline(void) { return (unsigned int)ACS_VLINE; }
static inline unsigned int rigger_acs_ulcorner(void) { return (unsigned int)ACS_ULCORNER; }
static inline unsigned int rigger_acs_urcorner(void) { return (unsigned int)ACS_URCORNER; }
static inline unsigned int rigger_acs_llcorner(void) { return (unsigned int)ACS_LLCORNER; }
static inline unsigned int rigger_acs_lrcorner(void) { return (unsigned int)ACS_LRCORNER; }

/* A terminfo string capability, extended ones (BE, BD) included; NULL when the terminal has none. */
static inline const char *rigger_tigetstr(const char *name) {
    char *value = tigetstr((char *)name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/* The columns a character takes on the terminal, -1 for one it can't show. glibc declares
   wcwidth only for X/Open sources, which the Swift module of this header is not built as. */
extern int wcwidth(wchar_t character);
static inline int rigger_wcwidth(unsigned int character) { return wcwidth((wchar_t)character); }

/* A terminfo string with its parameters filled in (cup, setaf and the like); NULL when the
   terminal has no such capability. tiparm is variadic, which Swift can't call. */
static inline const char *rigger_tiparm(const char *format, int first, int second) {
    return format == NULL ? NULL : tiparm(format, first, second);
}

/* A terminfo string as tputs sends it, its padding included, collected into `buffer` instead of
   written: the wizard sends it with the rest of a frame. Returns the byte count, at most
   `capacity`. */
static unsigned char *rigger_tputs_buffer = 0;
static size_t rigger_tputs_capacity = 0;
static size_t rigger_tputs_count = 0;
static int rigger_tputs_collect(int character) {
    if (rigger_tputs_count < rigger_tputs_capacity) rigger_tputs_buffer[rigger_tputs_count++] = (unsigned char)character;
    return character;
}
static inline size_t rigger_tputs(const char *text, unsigned char *buffer, size_t capacity) {
    rigger_tputs_buffer = buffer;
    rigger_tputs_capacity = capacity;
    rigger_tputs_count = 0;
    if (text != NULL) tputs(text, 1, rigger_tputs_collect);
    rigger_tputs_buffer = 0;
    return rigger_tputs_count;
}

/* Sends a control string straight to the terminal, ahead of ncurses' own buffered output. */
static inline void rigger_send(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

static inline int rigger_key_resize(void) { return KEY_RESIZE; }
static inline int rigger_key_f(int n) { return KEY_F(n); }

/* SIGTERM, SIGHUP and SIGINT only set a flag here; the wizard's loop sees it within its key
   timeout, restores the terminal and exits. The flag is static, so a Swift file that calls these
   may get a copy of its own: each front end installs and reads them from one file. */
static volatile sig_atomic_t rigger_signal_received = 0;
static void rigger_on_signal(int number) { rigger_signal_received = number; }
static inline void rigger_install_signal_handlers(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = rigger_on_signal;
    sigaction(SIGTERM, &action, 0);
    sigaction(SIGHUP, &action, 0);
    sigaction(SIGINT, &action, 0);
}
static inline int rigger_pending_signal(void) { return (int)rigger_signal_received; }
/* The signal received, cleared: the plain mode carries on after a Ctrl-C it has asked about. */
static inline int rigger_take_pending_signal(void) {
    int number = (int)rigger_signal_received;
    rigger_signal_received = 0;
    return number;
}

#endif
