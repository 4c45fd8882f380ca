import CNcursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit

/// Read by the exit hook, which cannot capture context: whether bracketed paste is on and must be
/// switched off. Only the main thread, which owns the terminal, touches it.
nonisolated(unsafe) private var bracketedPasteIsOn = false
nonisolated(unsafe) private var exitHookInstalled = false

/// The only place that talks to ncurses: it opens the terminal, reads keys and paints `Screen`s.
///
/// Call sequence:
///
///     let terminal = Terminal()
///     try terminal.start()                 // throws TerminalError with a Chinese message
///     defer { terminal.stop() }
///     var shown: Screen? = nil
///     while running {
///         let (rows, cols) = terminal.size()
///         let frame = render(state, rows, cols)
///         terminal.draw(frame, previous: shown)
///         shown = frame
///         guard let key = terminal.readKey(timeoutMs: 500) else { continue }  // nil: timed out
///         if key == .resize { shown = nil }                                     // repaint everything
///         state = update(state, key)
///     }
///
/// For `$EDITOR`: `suspend()`, run the editor, `resume()`, then draw with `previous: nil`.
/// Not thread-safe: use it from the main thread only.
public final class Terminal {
    /// Set before `start()`, which defines the colour pairs from it.
    public var theme: Theme { didSet { resolved = nil } }
    /// Whether colours are in use (the terminal has them and `NO_COLOR` is not set).
    public private(set) var colorsEnabled = false
    public private(set) var isActive = false
    public private(set) var isSuspended = false

    private var screenHandle: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    /// Frames kept in curses' cells, each in a window of its own (the first is `stdscr`): the one on the
    /// screen (`shownLayer`) and those a panel opening left behind. A frame that changes most rows of the
    /// shown one is drawn over the kept frame nearest to it, whose window is then shown whole: closing a
    /// panel shows the form's window again and opening one shows the window it was last drawn in, so
    /// neither hands curses thousands of cells one by one nor copies one window into another.
    private var layers: [Layer] = []
    private var shownLayer = 0
    private var layerClock = 0
    /// Whether the frame drawn last was a panel (`draw`'s `covering`).
    private var wasCovering = false
    /// stdscr and at most three panels' windows (F3, F4, help or the print preview).
    private static let maxLayers = 4

    private struct Layer {
        /// What the window holds; nil when it is blank.
        var frame: Screen?
        let window: UnsafeMutablePointer<WINDOW>
        /// When it was last drawn (`layerClock`): the window used longest ago is drawn over first.
        var used: Int
    }
    private var paste = PasteCollector()
    private var cursorShown: Bool?
    /// The curses attributes and colour pair of the style painted last (`curses`).
    private var resolved: (style: CellStyle, colors: Bool, attributes: attr_t, pair: Int16)?

    /// Key codes of our own for the bracketed-paste markers, far above ncurses' codes and the extended
    /// ones it assigns to terminfo's user-defined keys.
    private static let pasteBeginCode: Int32 = 0x3F00
    private static let pasteEndCode: Int32 = 0x3F01
    /// A paste whose end marker has not come after this long is delivered as it is.
    private static let pasteStallMs: Int32 = 1000

    public init(theme: Theme = .standard) {
        self.theme = theme
    }

    deinit { stop() }

    // MARK: Lifecycle

    /// Switches to a UTF-8 locale: the user's if it is UTF-8, else C.UTF-8. Without it ncurses drops
    /// every Chinese character. `start()` calls this; call it earlier if the program prints Chinese first.
    public static func useUTF8Locale() throws {
        if jx_setlocale_all("") != nil, isUTF8(currentCodeset()) { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where jx_setlocale_all(name) != nil {
            if isUTF8(currentCodeset()) { return }
        }
        throw TerminalError.noUTF8Locale
    }

    /// Takes over the terminal: full-screen, raw keys, no echo, colours if allowed, bracketed paste.
    public func start() throws {
        guard !isActive else { return }
        try Self.useUTF8Locale()
        guard jx_isatty_stdin() != 0, jx_isatty_stdout() != 0 else { throw TerminalError.notATerminal }
        guard let rawName = getenv("TERM"), rawName.pointee != 0 else { throw TerminalError.termUnset }
        let name = String(cString: rawName)
        // newterm, unlike initscr, returns nil for an unknown TERM instead of printing its own English
        // message and exiting.
        guard let handle = newterm(name, jx_stdout(), jx_stdin()) else { throw TerminalError.unknownTerminal(name) }
        set_term(handle)
        screenHandle = handle
        let win = jx_stdscr()
        window = win
        layers = win.map { [Layer(frame: nil, window: $0, used: 0)] } ?? []
        shownLayer = 0

        raw()  // Ctrl-S and Ctrl-C arrive as keys instead of freezing or killing the program
        noecho()
        nonl()  // Enter arrives as CR, distinct from Ctrl-J
        keypad(win, true)
        intrflush(win, false)
        set_escdelay(25)  // ncurses waits a whole second after Esc by default
        // A frame is drawn to its end: ncurses otherwise polls the keyboard every few lines of a repaint
        // (a system call each) to abandon it when a key is waiting, and a frame of a few milliseconds at
        // most has nothing to gain from that.
        typeahead(-1)
        // ncurses 6.4 flushes its output after every cursor movement until the screen has once come
        // back from endwin: a frame went out in one write per line drawn (an arrow key in 5 writes, a
        // panel in 40, each waking the terminal). One round trip now, before anything is drawn, makes
        // every later frame a single write.
        def_prog_mode()
        endwin()
        wrefresh(win)
        // endwin took the keypad out of application mode and the refresh does not put it back: ncurses
        // would send it only at the first key read, after the first frame, so an arrow pressed while the
        // draft opens would come in the other mode. Sent now, before anything is drawn.
        keypad(win, true)

        colorsEnabled = false
        if has_colors(), !Self.environmentHasValue("NO_COLOR") {
            start_color()
            colorsEnabled = true
            let defaults = use_default_colors() == jx_ok()
            for (role, colors) in theme.colored {
                let fg = defaults || colors.foreground != .terminalDefault ? colors.foreground : .white
                let bg = defaults || colors.background != .terminalDefault ? colors.background : .black
                init_pair(role.rawValue, fg.rawValue, bg.rawValue)
            }
        }

        define_key("\u{1B}[200~", Self.pasteBeginCode)
        define_key("\u{1B}[201~", Self.pasteEndCode)
        isActive = true
        isSuspended = false
        cursorShown = nil
        paste = PasteCollector()
        setBracketedPaste(true)
        Self.installExitHook()
    }

    /// Gives the terminal back: paste mode off, cursor visible, normal screen. Safe to call more than once
    /// and from every exit path (it is also called on deinit).
    public func stop() {
        guard isActive else { return }
        setBracketedPaste(false)
        if !isSuspended {
            curs_set(1)
            endwin()
        }
        dropLayers()
        layers = []
        if let handle = screenHandle { delscreen(handle) }
        screenHandle = nil
        window = nil
        isActive = false
        isSuspended = false
    }

    /// Hands the terminal to another program (`$EDITOR`) until `resume()`.
    public func suspend() {
        guard isActive, !isSuspended else { return }
        setBracketedPaste(false)
        def_prog_mode()
        endwin()
        isSuspended = true
    }

    /// Takes the terminal back after `suspend()`. The other program has overwritten the screen: draw the
    /// next frame with `previous: nil`.
    public func resume() {
        guard isActive, isSuspended, let window else { return }
        reset_prog_mode()
        // Keys typed for the other program, and the terminal's answers to its queries (cursor reports),
        // are not ours: they would land in the cell as text.
        flushinp()
        isSuspended = false
        cursorShown = nil
        setBracketedPaste(true)
        clearok(window, true)
        wrefresh(window)
    }

    /// Rows and columns of the terminal now (after `.resize`, the new size).
    public func size() -> (rows: Int, cols: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxy(window)), Int(getmaxx(window)))
    }

    /// Sounds the bell (or flashes, if the terminal prefers).
    public func bell() {
        guard isActive else { return }
        beep()
    }

    // MARK: Input

    /// The next key, or nil when none came within `timeoutMs` (nil waits for ever).
    ///
    /// A bracketed paste is returned whole as `.paste`, however long it takes to arrive.
    public func readKey(timeoutMs: Int? = nil) -> Key? {
        guard isActive, !isSuspended, let window else { return nil }
        wtimeout(window, Int32(clamping: timeoutMs ?? -1))
        defer { wtimeout(window, -1) }
        while true {
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            let delivered: Key?
            if result == jx_key_code_yes() {
                delivered = paste.feed(Self.key(forKeyCode: Int32(bitPattern: UInt32(code))))
            } else if result == jx_ok() {
                delivered = paste.feedCharacterCode(UInt32(code))
            } else {
                // Timed out: a paste that stalled is delivered as far as it came.
                return paste.finish()
            }
            if let delivered { return delivered }
            if paste.isCollecting { wtimeout(window, Self.pasteStallMs) }
        }
    }

    /// Maps an ncurses key code (wget_wch returned KEY_CODE_YES) to a `Key`.
    static func key(forKeyCode code: Int32) -> Key {
        switch code {
        case pasteBeginCode: return .pasteBegin
        case pasteEndCode: return .pasteEnd
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case jx_key_f(1)...jx_key_f(63): return .f(Int(code - jx_key_f(0)))
        default:
            // Ctrl-arrows have no fixed code: ncurses numbers terminfo's extended keys as it loads them.
            if let name = keyname(code), let key = Key.fromKeyName(String(cString: name)) { return key }
            return .unknown(code)
        }
    }

    // MARK: Output

    /// Paints `screen`, touching only cells that differ from the frame it is drawn over, and puts the real
    /// cursor on `screen.cursor` so an input method's candidate window opens at the field. That frame is
    /// the terminal's own kept copy (`layers`); `previous` only says whether the screen is still as the
    /// caller last drew it: nil (after a resize, another program, a new screen) paints everything.
    /// `covering`: the frame is a panel over the one before, which stays kept in curses' cells for the
    /// frame that closes the panel to come back to.
    public func draw(_ screen: Screen, previous: Screen?, covering: Bool = false) {
        guard isActive, !isSuspended, let window, !layers.isEmpty else { return }
        let (rows, cols) = size()
        if previous == nil || previous?.rows != rows || previous?.cols != cols {
            dropLayers()
            werase(window)
        }
        var base = layers[shownLayer].frame
        if let p = base, screen.rows == rows, screen.cols == cols {
            let many = max(1, rows / 2)
            if screen.rowsDiffering(from: p, limit: many) >= many, let to = layer(for: screen, many: many, covering: covering, rows: rows, cols: cols) {
                shownLayer = to
                base = layers[to].frame
                touchwin(layers[to].window)
            }
        }
        wasCovering = covering
        layerClock += 1
        layers[shownLayer].used = layerClock
        layers[shownLayer].frame = screen
        let target = layers[shownLayer].window
        // The loop works on locals: a property of this class read or written per cell is checked for
        // exclusive access each time, and a full panel paints some 4,000 cells.
        var resolved = self.resolved
        let theme = self.theme, colors = colorsEnabled
        var glyph = [wchar_t](repeating: 0, count: 6)
        glyph.withUnsafeMutableBufferPointer { g in
            screen.forEachChanged(since: base) { row, col in
                guard row < rows && col < cols else { return }
                let cell = screen[row, col]
                // A wide character no longer fits when the terminal shrank below the frame being drawn.
                let lastColumn = col + 1 >= cols
                if let scalar = cell.scalar {
                    // One scalar: painted as it is, without a `Character` made and taken apart for it, and
                    // without setcchar measuring a one-character string (a tenth of a panel's frame).
                    let (attrs, pair) = Self.curses(cell.style, &resolved, theme: theme, colors: colors)
                    let code = wchar_t(bitPattern: lastColumn && DisplayWidth.width(of: Character(scalar)) == 2 ? 0x20 : scalar.value)
                    _ = jx_mvadd_scalar(target, Int32(row), Int32(col), code, attrs, pair)
                    return
                }
                guard var character = cell.character else { return }
                if lastColumn, DisplayWidth.width(of: character) == 2 { character = " " }
                var count = 0
                // A cell holds a base character and a few combining marks (CCHARW_MAX is 5).
                for scalar in character.unicodeScalars where count < 5 {
                    g[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
                g[count] = 0
                let (attrs, pair) = Self.curses(cell.style, &resolved, theme: theme, colors: colors)
                _ = jx_mvadd_wide(target, Int32(row), Int32(col), g.baseAddress, attrs, pair)
            }
        }
        self.resolved = resolved
        if let c = screen.cursor, c.row >= 0, c.row < rows, c.col >= 0, c.col < cols {
            setCursorVisible(true)
            wmove(target, Int32(c.row), Int32(c.col))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(target)
        doupdate()
    }

    /// The layer to draw a frame that changes most rows of the shown one into: a kept frame near it; else,
    /// for a panel opening over a frame that was no panel, a window of its own (a new one, or the one drawn
    /// longest ago). Nil: the frame is drawn over the shown one (a row added high in a table).
    private func layer(for screen: Screen, many: Int, covering: Bool, rows: Int, cols: Int) -> Int? {
        var nearest: (index: Int, rows: Int)?
        for (i, l) in layers.enumerated() where i != shownLayer {
            guard let f = l.frame else { continue }
            let d = screen.rowsDiffering(from: f, limit: nearest?.rows ?? many)
            if d < (nearest?.rows ?? many) { nearest = (i, d) }
        }
        if let nearest { return nearest.index }
        guard covering, !wasCovering else { return nil }
        if layers.count < Self.maxLayers, let w = newwin(Int32(rows), Int32(cols), 0, 0) {
            // Begun as a copy of the shown window, once: what the panel leaves as it was is then the same
            // curses cells, which a blank window's are not (its blanks carry no colour pair).
            overwrite(layers[shownLayer].window, w)
            // A window as large as the screen is made with its "clear first" flag set, which would have
            // curses clear the terminal and send every cell the first time it is shown.
            clearok(w, false)
            layers.append(Layer(frame: layers[shownLayer].frame, window: w, used: 0))
            return layers.count - 1
        }
        return layers.indices.filter { $0 != shownLayer }.min { layers[$0].used < layers[$1].used }
    }

    /// Back to `stdscr` alone, its frame unknown (after a resize, or when the caller starts over).
    private func dropLayers() {
        for l in layers.dropFirst() { delwin(l.window) }
        if let first = layers.first { layers = [Layer(frame: nil, window: first.window, used: 0)] }
        shownLayer = 0
    }

    /// The curses attributes and colour pair of a style; `resolved`: the style resolved last, which the
    /// next cells mostly share (resolving looks it up in the theme's dictionaries: about 15% of opening
    /// and closing the panels, when it was done per cell).
    private static func curses(_ style: CellStyle, _ resolved: inout (style: CellStyle, colors: Bool, attributes: attr_t, pair: Int16)?,
                               theme: Theme, colors: Bool) -> (attr_t, Int16) {
        if let r = resolved, r.style == style, r.colors == colors { return (r.attributes, r.pair) }
        let (attributes, pair) = theme.resolve(style, colors: colors)
        let attrs = cursesAttributes(attributes)
        resolved = (style, colors, attrs, pair)
        return (attrs, pair)
    }

    private static func cursesAttributes(_ a: TextAttributes) -> attr_t {
        var result = jx_a_normal()
        if a.contains(.bold) { result |= jx_a_bold() }
        if a.contains(.reverse) { result |= jx_a_reverse() }
        if a.contains(.dim) { result |= jx_a_dim() }
        if a.contains(.underline) { result |= jx_a_underline() }
        return result
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorShown != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorShown = visible
    }

    private func setBracketedPaste(_ on: Bool) {
        jx_write_stdout(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l")
        bracketedPasteIsOn = on
    }

    // MARK: Helpers

    /// Leaves the user's shell without bracketed paste even when the program exits without `stop()`.
    private static func installExitHook() {
        guard !exitHookInstalled else { return }
        exitHookInstalled = true
        atexit {
            if bracketedPasteIsOn { jx_write_stdout("\u{1B}[?2004l") }
        }
    }

    private static func currentCodeset() -> String {
        guard let codeset = jx_codeset() else { return "" }
        return String(cString: codeset)
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let folded = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded == "utf8"
    }

    private static func environmentHasValue(_ name: String) -> Bool {
        guard let value = getenv(name) else { return false }
        return value.pointee != 0
    }
}
