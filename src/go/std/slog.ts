/**
 * Package log/slog, as much of it as Leak Lab's Go has, written in Go: a Logger over a TextHandler, whose lines
 * read as the real TextHandler's (`time=… level=INFO msg="Upload started" session=s1`), on the virtual clock.
 * Handler is closed here (its one method is unexported): programs make handlers with NewTextHandler. The
 * top-level Info and its kin log through the default Logger, which writes to standard error as Go's does.
 */
export const slog = `package slog

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
)

// A Level is the importance or severity of a log event.
type Level int

const (
	LevelDebug Level = -4
	LevelInfo  Level = 0
	LevelWarn  Level = 4
	LevelError Level = 8
)

// String returns a name for the level.
func (l Level) String() string {
	switch {
	case l < LevelInfo:
		return named("DEBUG", l-LevelDebug)
	case l < LevelWarn:
		return named("INFO", l-LevelInfo)
	case l < LevelError:
		return named("WARN", l-LevelWarn)
	}
	return named("ERROR", l-LevelError)
}

func named(base string, offset Level) string {
	if offset == 0 {
		return base
	}
	return fmt.Sprintf("%s%+d", base, int(offset))
}

// HandlerOptions are options for a TextHandler: the minimum level it writes (Info when zero).
type HandlerOptions struct {
	Level Level
}

// A Handler handles the records a Logger produces.
type Handler interface {
	handle(level Level, msg string, args []any)
}

// TextHandler writes records as lines of key=value pairs.
type TextHandler struct {
	w     io.Writer
	level Level
}

// NewTextHandler creates a TextHandler that writes to w, using the given options (nil: the defaults).
func NewTextHandler(w io.Writer, opts *HandlerOptions) *TextHandler {
	h := &TextHandler{w: w}
	if opts != nil {
		h.level = opts.Level
	}
	return h
}

func (h *TextHandler) handle(level Level, msg string, args []any) {
	// A record nobody will read is not formatted: what io.Discard is given, nothing sees.
	if level < h.level || h.w == io.Discard {
		return
	}
	line := "time=" + time.Now().Format("2006-01-02T15:04:05.000Z07:00") + " level=" + level.String() + " msg=" + quoted(msg)
	h.w.Write([]byte(line + attrs(args) + "\\n"))
}

// attrs is the key=value pairs of args, each after a space.
func attrs(args []any) string {
	text := ""
	for i := 0; i < len(args); i += 2 {
		if i+1 == len(args) {
			text += " !BADKEY=" + quoted(fmt.Sprint(args[i]))
			break
		}
		text += " " + fmt.Sprint(args[i]) + "=" + quoted(fmt.Sprint(args[i+1]))
	}
	return text
}

// defaultHandler writes as the default Logger does before SetDefault: through package log's standard
// logger, to standard error, after the date and time, with the level and the message as they are.
type defaultHandler struct{}

func (defaultHandler) handle(level Level, msg string, args []any) {
	if level < LevelInfo {
		return
	}
	line := time.Now().Format("2006/01/02 15:04:05") + " " + level.String() + " " + msg + attrs(args)
	os.Stderr.Write([]byte(line + "\\n"))
}

var defaultLogger = New(defaultHandler{})

// Default returns the default Logger.
func Default() *Logger { return defaultLogger }

// SetDefault makes l the default Logger, which the top-level functions use.
func SetDefault(l *Logger) { defaultLogger = l }

// Debug calls Logger.Debug on the default logger.
func Debug(msg string, args ...any) { defaultLogger.Debug(msg, args...) }

// Info calls Logger.Info on the default logger.
func Info(msg string, args ...any) { defaultLogger.Info(msg, args...) }

// Warn calls Logger.Warn on the default logger.
func Warn(msg string, args ...any) { defaultLogger.Warn(msg, args...) }

// Error calls Logger.Error on the default logger.
func Error(msg string, args ...any) { defaultLogger.Error(msg, args...) }

// quoted is s, quoted when it would not read back as one value.
func quoted(s string) string {
	if s == "" {
		return strconv.Quote(s)
	}
	for _, r := range s {
		if r <= ' ' || r == '=' || r == '"' || r == 0x7f {
			return strconv.Quote(s)
		}
	}
	return s
}

// A Logger records structured information about each call to its Info, Warn, Error and Debug methods.
type Logger struct {
	handler Handler
}

// New creates a new Logger with the given non-nil Handler.
func New(h Handler) *Logger {
	if h == nil {
		panic("nil Handler")
	}
	return &Logger{handler: h}
}

// Debug logs at LevelDebug.
func (l *Logger) Debug(msg string, args ...any) { l.handler.handle(LevelDebug, msg, args) }

// Info logs at LevelInfo.
func (l *Logger) Info(msg string, args ...any) { l.handler.handle(LevelInfo, msg, args) }

// Warn logs at LevelWarn.
func (l *Logger) Warn(msg string, args ...any) { l.handler.handle(LevelWarn, msg, args) }

// Error logs at LevelError.
func (l *Logger) Error(msg string, args ...any) { l.handler.handle(LevelError, msg, args) }
`;
