#ifndef TASKOPS_CNCURSES_H
#define TASKOPS_CNCURSES_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>

/* Functions for what ncurses exposes only as macros or globals. */

/* A restore for fatal signals, safe inside a handler (endwin() is not): the terminal modes saved
   before curses started, and the bytes that leave the alternate screen, keypad and mouse modes. */
/* Names the calling thread (15 bytes at most, as /proc shows it); 0 on success. */
int taskops_name_current_thread(const char *name);
void taskops_save_terminal_modes(void);
void taskops_prepare_emergency_restore(void);
void taskops_emergency_restore(void);
WINDOW *taskops_stdscr(void);
int taskops_lines(void);
int taskops_cols(void);
int taskops_colors(void);
int taskops_color_pairs(void);
attr_t taskops_color_pair(int pair);
int taskops_key_resize(void);
int taskops_key_mouse(void);
int taskops_err(void);
attr_t taskops_a_bold(void);
mmask_t taskops_button1_mask(void);
int taskops_is_utf8_locale(void);
attr_t taskops_a_reverse(void);
attr_t taskops_a_dim(void);
/* Writes one wide-char cell (with attributes and colour pair) at y, x. */
int taskops_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair);
/* A colour pair whose colours may be beyond 32767 (direct-colour terminals hold 0xRRGGBB). */
int taskops_init_pair(int pair, int fg, int bg);
#endif
