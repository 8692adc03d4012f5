// The upload service of lesson 4, fixed (solutions/04-upload/storage.go), under a steady driver: every upload
// ends its reporter, whether it succeeds or the client goes away, and Close ends the janitor.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"

	"leaklab/parity/fixupload/storage"
	"leaklab/parity/profile"
)

type blobs struct{}

func (blobs) Put(ctx context.Context, key string, data []byte) error { return nil }

// notifier counts the updates each upload's progress bar gets.
type notifier struct{ updates map[string]int }

func (n notifier) Progress(sessionID string, bytes int64) { n.updates[sessionID]++ }
func (n notifier) Done(sessionID string)                  { fmt.Println("done:", sessionID, n.updates[sessionID]) }

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
	before := runtime.NumGoroutine()
	svc := storage.NewService(blobs{}, notifier{updates: map[string]int{}}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	uploads := []struct {
		size int64
		body *body
	}{
		{4 * mib, &body{left: 4 * mib}},                                // big: reports progress
		{1 * mib, &body{left: 1 * mib}},                                // small: no reporter
		{6 * mib, &body{left: 1 * mib, failWith: io.ErrUnexpectedEOF}}, // client gone mid-upload
	}
	for i, u := range uploads {
		err := svc.Upload(ctx, fmt.Sprint("s", i), fmt.Sprint("k", i), u.size, u.body)
		fmt.Println("upload", i, "error:", err)
	}
	svc.Close()
	profile.Settle()
	fmt.Println("goroutines leaked:", runtime.NumGoroutine()-before)
	profile.Print()
}
