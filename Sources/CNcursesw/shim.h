// The only C in Muster. Everything curses (and the few POSIX calls Swift cannot reach) that the
// Swift side needs passes through here, so the C boundary stays in one small, reviewable file.
//
// Why the defines: SwiftPM ignores pkg-config's `-D` flags, and without them <curses.h> hides the
// wide-character API (`cchar_t`, `get_wch`, `mvwadd_wch`, `setcchar`), which silently drops every
// non-ASCII character.
//
// Why the accessors: Swift 6 strict concurrency rejects C mutable globals (`stdscr`, `LINES`,
// `COLS`, `stdin`, ...), and function-like macros (`A_BOLD`, `COLOR_PAIR`, `KEY_F`, the mouse
// button masks) are not imported at all. Each gets a tiny `static inline` function below.
#pragma once

#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <ncursesw/curses.h>

// MARK: - Globals

static inline WINDOW *muster_stdscr(void) { return stdscr; }
static inline WINDOW *muster_curscr(void) { return curscr; }
static inline int muster_LINES(void) { return LINES; }
static inline int muster_COLS(void) { return COLS; }
static inline int muster_COLORS(void) { return COLORS; }
static inline int muster_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int muster_ERR(void) { return ERR; }
static inline int muster_OK(void) { return OK; }
static inline FILE *muster_stdin(void) { return stdin; }
static inline FILE *muster_stdout(void) { return stdout; }

// MARK: - Attributes

static inline attr_t muster_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t muster_A_BOLD(void) { return A_BOLD; }
static inline attr_t muster_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t muster_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t muster_A_DIM(void) { return A_DIM; }
static inline attr_t muster_A_ATTRIBUTES(void) { return A_ATTRIBUTES; }
static inline attr_t muster_A_COLOR(void) { return A_COLOR; }
static inline attr_t muster_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

// MARK: - Keys (the plain `KEY_UP`-style constants import directly; these are function-like)

static inline int muster_KEY_F(int n) { return KEY_F(n); }
static inline int muster_KEY_CODE_YES(void) { return KEY_CODE_YES; }

// MARK: - Mouse

static inline mmask_t muster_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t muster_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t muster_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t muster_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t muster_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

/// Reads the next queued mouse event. Returns OK or ERR; on ERR the outputs are untouched.
static inline int muster_getmouse(mmask_t *bstate, int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *bstate = event.bstate;
    *x = event.x;
    *y = event.y;
    return OK;
}

// MARK: - Wide-character cells

/// Fills `cell` from up to CCHARW_MAX code points (NUL-terminated `text`) with attributes and a
/// colour pair. The pair goes through `opts` as well as the `short` argument so pair numbers above
/// 32767 work with ncurses' extended colours.
static inline int muster_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    int extendedPair = pair;
    return setcchar(cell, text, attrs, (short)pair, &extendedPair);
}

/// The inverse of `muster_setcchar`: `text` must hold CCHARW_MAX + 1 wide characters.
static inline int muster_getcchar(const cchar_t *cell, wchar_t *text, attr_t *attrs, int *pair) {
    short shortPair = 0;
    int extendedPair = 0;
    int result = getcchar(cell, text, attrs, &shortPair, &extendedPair);
    *pair = extendedPair != 0 ? extendedPair : shortPair;
    return result;
}

static inline int muster_CCHARW_MAX(void) { return CCHARW_MAX; }

/// ncurses numbers the columns of a wide character in the character-text bits of each cell's
/// attributes (its `WidecExt`): 1 for the left half, 2 for the right, 0 for an ordinary cell.
static inline int muster_widec_ext(const cchar_t *cell) { return (int)(cell->attr & A_CHARTEXT); }

// MARK: - POSIX helpers Swift cannot call directly

/// `nl_langinfo(CODESET)`: the character set of the current locale ("UTF-8" when all is well).
static inline const char *muster_codeset(void) { return nl_langinfo(CODESET); }

/// The window size of the terminal on `fd` (ioctl is variadic, so Swift cannot call it).
/// Returns 0 on success, -1 when `fd` is not a terminal.
static inline int muster_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// The number of colours terminfo gives the terminal type `term`: -1 when the type has no
/// colour, -2 when terminfo does not know it. Loads the entry without starting curses
/// (`muster doctor` asks before any screen exists). `setupterm` is declared in term.h, whose
/// macros (`lines`, `columns`, …) would leak into every Swift file, so it is declared here.
int setupterm(const char *term, int filedes, int *errret);
static inline int muster_terminfo_colors(const char *term) {
    int error = 0;
    if (setupterm(term, -1, &error) != 0) return -2;
    return tigetnum("colors");
}

/// Opens a new pseudo-terminal and copies its slave's path into `path`; returns the master's
/// descriptor, or -1. The tests use it as a stand-in for the user's terminal (posix_openpt and
/// friends are XSI functions the Glibc module does not show to Swift).
static inline int muster_open_pseudo_terminal(char *path, size_t capacity) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    const char *name = (grantpt(master) == 0 && unlockpt(master) == 0) ? ptsname(master) : NULL;
    if (name == NULL || snprintf(path, capacity, "%s", name) >= (int)capacity) {
        close(master);
        return -1;
    }
    return master;
}
