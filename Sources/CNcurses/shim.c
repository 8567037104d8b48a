#include "CNcurses.h"

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
