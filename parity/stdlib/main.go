// The standard library the services use beyond fmt: io's interfaces, bytes, log/slog's text lines, sort,
// strings' Cut family, strconv.AppendInt, min and max, and make with an int64 size.
package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"
)

// body is a Reader of n bytes, read at most 3 at a time.
type body struct{ n int }

func (b *body) Read(p []byte) (int, error) {
	if b.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), b.n, 3)
	b.n -= n
	return n, nil
}

// untimed prints what a handler writes without its time, which is the wall clock's in Go.
type untimed struct{}

func (untimed) Write(p []byte) (int, error) {
	_, rest, _ := strings.Cut(string(p), " ")
	fmt.Print(rest)
	return len(p), nil
}

type change struct {
	path    string
	version int
}

func main() {
	var r io.Reader = &body{n: 8}
	buf := make([]byte, 4)
	total := 0
	for {
		n, err := r.Read(buf)
		total += n
		if err == io.EOF {
			break
		}
	}
	fmt.Println("read", total, "then", io.EOF, "/", io.ErrUnexpectedEOF)
	n, err := io.Discard.Write([]byte("gone"))
	fmt.Println("discarded", n, err)

	joined := bytes.Join([][]byte{[]byte("a"), []byte("bc"), []byte("")}, []byte(", "))
	fmt.Printf("%q %d\n", string(joined), len(bytes.Join(nil, []byte("x"))))

	log := slog.New(slog.NewTextHandler(untimed{}, nil))
	log.Info("Upload started", "session", "s1", "bytes", 4<<20)
	log.Warn("Too many watchers, falling back", "user", "ada lovelace", "n", 4.5)
	log.Error("failed", "err", io.ErrUnexpectedEOF, "ok", false)
	log.Debug("not shown")
	verbose := slog.New(slog.NewTextHandler(untimed{}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	verbose.Debug("shown", "quote", `say "hi"`, "empty", "", "eq", "a=b")
	fmt.Println(slog.LevelWarn, slog.LevelError+2, slog.LevelDebug-1)
	slog.New(slog.NewTextHandler(io.Discard, nil)).Info("nowhere")

	changes := []change{{"b", 2}, {"a", 9}, {"c", 1}, {"a", 3}, {"b", 1}}
	sort.Slice(changes, func(i, j int) bool { return changes[i].path < changes[j].path })
	fmt.Println(changes)
	words := strings.Fields("pear fig apple kiwi")
	sort.Strings(words)
	ints := []int{5, -1, 3, 3, 0}
	sort.Ints(ints)
	fmt.Println(words, ints, sort.Search(len(ints), func(i int) bool { return ints[i] >= 3 }))

	before, after, found := strings.Cut("k=v=w", "=")
	rest, ok := strings.CutPrefix("created by main", "created by ")
	fmt.Println(before, after, found, rest, ok, strings.LastIndex("a/b/c", "/"), strings.Count("cheese", "e"))

	frame := strconv.AppendInt(append([]byte("s1"), ' '), -1234, 10)
	fmt.Println(string(frame), string(strconv.AppendInt(nil, 255, 16)))

	var size int64 = 3
	s := make([]byte, 0, size)
	fmt.Println(len(s), cap(s), max(2, 7, 4), min(2.5, 1), max("b", "abc"))
	var whole int = 7.0
	fmt.Println(whole, min(total, 7.0), max(2.0, n))
	fmt.Println((90 * time.Second).Minutes(), (90 * time.Minute).Hours())
	t := time.Now()
	a, b := t.Add(100*time.Nanosecond).Add(200*time.Nanosecond), t.Add(300*time.Nanosecond)
	fmt.Println(a.Equal(b), a.After(b), a.Before(b), a.Sub(b), b.Sub(t), t.Add(-time.Second).Before(t))
	fmt.Println(strconv.Quote("tab\there \x00 é \u2028 \\ \"q\" \x7f"))
	fmt.Printf("%q %q %q\n", "bell\a", []byte("nl\n"), []byte{0xff, 'a', 0, 0xe2, 0x82, 0xac})
}
