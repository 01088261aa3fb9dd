internal import CNCursesW

/// The keys ncurses reports as key codes, both ways: reading a code, and registering an escape
/// sequence under the code of its key.
enum CursesKeyCodes {
    /// The key of a code from `wget_wch`, or nil for one the wizard has no use for.
    static func key(for code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case rigger_key_resize(): return .resize
        default:
            for number in 1...12 where code == rigger_key_f(Int32(number)) { return .function(number) }
            return nil
        }
    }

    /// The code ncurses has for a key, or nil when it has none (keypad characters, for one).
    static func code(for key: Key) -> Int32? {
        switch key {
        case .up: return KEY_UP
        case .down: return KEY_DOWN
        case .left: return KEY_LEFT
        case .right: return KEY_RIGHT
        case .home: return KEY_HOME
        case .end: return KEY_END
        case .pageDown: return KEY_NPAGE
        case .pageUp: return KEY_PPAGE
        case .delete: return KEY_DC
        case .insert: return KEY_IC
        case .backTab: return KEY_BTAB
        case .enter: return KEY_ENTER
        case .function(let number) where (1...12).contains(number): return rigger_key_f(Int32(number))
        default: return nil
        }
    }
}
