// The upload service of lesson 4, as it ran on the night of the incident, under a steady driver: every upload
// big enough to report progress leaves its reporter goroutine behind, blocked on a channel nobody closes.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"

	"leaklab/parity/leakupload/storage"
	"leaklab/parity/profile"
)

type blobs struct{}

func (blobs) Put(ctx context.Context, key string, data []byte) error { return nil }

type notifier struct{}

func (notifier) Progress(sessionID string, bytes int64) {}
func (notifier) Done(sessionID string)                  {}

// body is a request body of `left` bytes; it ends with io.EOF, or with failWith when that is set.
type body struct {
	left     int
	failWith error
}

func (b *body) Read(p []byte) (int, error) {
	if b.left == 0 {
		if b.failWith != nil {
			return 0, b.failWith
		}
		return 0, io.EOF
	}
	n := min(len(p), b.left)
	b.left -= n
	return n, nil
}

const mib = 1 << 20

func main() {
	svc := storage.NewService(blobs{}, notifier{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	before := runtime.NumGoroutine()
	ctx := context.Background()
	uploads := []struct {
		size int64
		body *body
	}{
		{4 * mib, &body{left: 4 * mib}},                                // big: reports progress
		{5 * mib, &body{left: 5 * mib}},                                // big
		{1 * mib, &body{left: 1 * mib}},                                // small: no reporter
		{6 * mib, &body{left: 2 * mib, failWith: io.ErrUnexpectedEOF}}, // client gone mid-upload
		{512 << 10, &body{left: 512 << 10}},                            // small
	}
	for i, u := range uploads {
		err := svc.Upload(ctx, fmt.Sprint("s", i), fmt.Sprint("k", i), u.size, u.body)
		fmt.Println("upload", i, "error:", err)
	}
	// Each reporter takes one update a second; then it waits for the next, which never comes.
	if !profile.Settle("sleep") {
		fmt.Println("reporters still sleeping after a minute")
	}
	fmt.Println("goroutines leaked:", runtime.NumGoroutine()-before)
	profile.Print()
}
