// The default slog Logger: SetDefault and the top-level Info, Warn, Error and Debug through it, Default; and
// os.Stdout and os.Stderr as io.Writers, called and through an interface.
package main

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
)

// untimed prints what a handler writes without its time, which is the wall clock's in Go.
type untimed struct{}

func (untimed) Write(p []byte) (int, error) {
	_, rest, _ := strings.Cut(string(p), " ")
	fmt.Print(rest)
	return len(p), nil
}

func main() {
	fmt.Println("to stdout")
	n, err := os.Stdout.Write([]byte("written\n"))
	fmt.Println(n, err)
	before := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(untimed{}, nil)))
	slog.Info("Upload started", "session", "s1", "bytes", 4<<20)
	slog.Warn("Too many watchers", "user", "ada lovelace")
	slog.Error("failed", "err", "boom")
	slog.Debug("hidden")
	slog.Default().Info("through Default")
	slog.SetDefault(before)
	var w interface{ Write([]byte) (int, error) } = os.Stdout
	w.Write([]byte("through an interface\n"))
	os.Stderr.Write([]byte("to stderr\n"))
}
