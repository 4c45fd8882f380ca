#ifndef JIXIAO_NCURSES_SHIM_H
#define JIXIAO_NCURSES_SHIM_H
// The wide-character API is only declared with this define; pkg-config's flags are dropped by SwiftPM.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

// Swift imports neither function-like macros nor macros built from other macros, so every ncurses
// macro the terminal driver needs gets a tiny inline function here (no separate C target required).

static inline attr_t jx_a_normal(void) { return A_NORMAL; }
static inline attr_t jx_a_bold(void) { return A_BOLD; }
static inline attr_t jx_a_reverse(void) { return A_REVERSE; }
static inline attr_t jx_a_underline(void) { return A_UNDERLINE; }
static inline attr_t jx_a_dim(void) { return A_DIM; }
static inline attr_t jx_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int jx_key_f(int n) { return KEY_F(n); }
static inline int jx_ok(void) { return OK; }
static inline int jx_err(void) { return ERR; }
static inline int jx_key_code_yes(void) { return KEY_CODE_YES; }

// stdscr is a C global that Swift 6 rejects as not concurrency-safe; newterm returns a SCREEN*, not its
// window, so the driver asks for the window once right after newterm and keeps the pointer.
static inline WINDOW *jx_stdscr(void) { return stdscr; }

static inline int jx_maxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int jx_maxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

// Builds one cchar_t from a NUL-terminated wide string (a base character plus its combining marks),
// because setcchar's pointer-to-const-wchar_t signature and the opaque cchar_t layout are awkward in Swift.
// The pair goes in its own argument: setcchar overwrites any COLOR_PAIR bits passed inside attrs.
static inline int jx_mvadd_wide(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    memset(&c, 0, sizeof c);
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &c);
}

// One scalar with its attributes, as setcchar builds it for a string of one character (the attributes
// without colour bits, the pair in the colour bits up to 255 and whole in ext_color), without setcchar's
// wcslen and checks, which only matter for several characters: most of a frame's cells.
static inline void jx_scalar_cchar(cchar_t *c, wchar_t ch, attr_t attrs, short pair) {
    memset(c, 0, sizeof *c);
    c->attr = (attrs & A_ATTRIBUTES & ~A_COLOR) | COLOR_PAIR(pair > 255 ? 255 : pair);
    c->chars[0] = ch;
#if NCURSES_EXT_COLORS
    c->ext_color = pair;
#endif
}

static inline int jx_mvadd_scalar(WINDOW *w, int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t c;
    jx_scalar_cchar(&c, ch, attrs, pair);
    return mvwadd_wch(w, y, x, &c);
}

// LC_ALL is a macro whose value differs between libcs; keep the call on the C side.
static inline const char *jx_setlocale_all(const char *name) { return setlocale(LC_ALL, name); }
static inline const char *jx_codeset(void) { return nl_langinfo(CODESET); }

// FILE* globals stdin/stdout are not concurrency-safe in Swift 6, and newterm needs FILE* for both.
static inline FILE *jx_stdin(void) { return stdin; }
static inline FILE *jx_stdout(void) { return stdout; }

// Terminal control sequences such as bracketed paste must go to the real terminal, unbuffered and
// outside curses' own output, so write them to the descriptor directly after curses has flushed.
static inline void jx_write_stdout(const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t k = write(STDOUT_FILENO, s, n);
        if (k <= 0) return;
        s += k;
        n -= (size_t)k;
    }
}
static inline int jx_isatty_stdin(void) { return isatty(STDIN_FILENO); }
static inline int jx_isatty_stdout(void) { return isatty(STDOUT_FILENO); }

#endif
