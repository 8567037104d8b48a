#define _GNU_SOURCE
#include <pthread.h>
#include "CNcurses.h"
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <term.h>

static struct termios saved_modes;
static int saved_modes_ok = 0;
static char restore_bytes[1024];
static size_t restore_length = 0;

int taskops_name_current_thread(const char *name) { return pthread_setname_np(pthread_self(), name); }

void taskops_save_terminal_modes(void) { saved_modes_ok = tcgetattr(STDIN_FILENO, &saved_modes) == 0; }

static void add_restore(const char *bytes) {
    if (bytes == NULL || bytes == (char *)-1) return;
    size_t n = strlen(bytes);
    if (restore_length + n >= sizeof restore_bytes) return;
    memcpy(restore_bytes + restore_length, bytes, n);
    restore_length += n;
}

void taskops_prepare_emergency_restore(void) {
    restore_length = 0;
    /* CAN ends any escape sequence a draw was in the middle of writing. */
    add_restore("\x18");
    add_restore(tigetstr("sgr0"));
    add_restore("\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l");
    add_restore(tigetstr("cnorm"));
    add_restore(tigetstr("rmkx"));
    add_restore(tigetstr("rmcup"));
}

void taskops_emergency_restore(void) {
    size_t done = 0;
    while (done < restore_length) {
        ssize_t n = write(STDOUT_FILENO, restore_bytes + done, restore_length - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
    if (saved_modes_ok) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

WINDOW *taskops_stdscr(void) { return stdscr; }
int taskops_lines(void) { return LINES; }
int taskops_cols(void) { return COLS; }
int taskops_colors(void) { return COLORS; }
int taskops_color_pairs(void) { return COLOR_PAIRS; }
attr_t taskops_color_pair(int pair) { return COLOR_PAIR(pair); }
int taskops_key_resize(void) { return KEY_RESIZE; }
int taskops_key_mouse(void) { return KEY_MOUSE; }
int taskops_err(void) { return ERR; }

int taskops_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

int taskops_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)(fg > 32767 ? -1 : fg), (short)bg);
#endif
}

attr_t taskops_a_bold(void) { return A_BOLD; }
attr_t taskops_a_reverse(void) { return A_REVERSE; }
attr_t taskops_a_dim(void) { return A_DIM; }
mmask_t taskops_button1_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
#include <string.h>
#include <strings.h>
int taskops_is_utf8_locale(void) { const char *c = nl_langinfo(CODESET); return c && (strcasecmp(c, "UTF-8") == 0 || strcasecmp(c, "utf8") == 0); }
