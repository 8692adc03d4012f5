// The upload service of lesson 4, fixed (solutions/04-upload/storage.go), under a steady driver: every upload
// ends its reporter, whether it succeeds or the client goes away, and Close ends the janitor.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"

	"leaklab/parity/fakes"
	"leaklab/parity/fixupload/storage"
	"leaklab/parity/profile"
)

// notifier counts the updates each upload's progress bar gets.
type notifier struct{ updates map[string]int }

func (n notifier) Progress(sessionID string, bytes int64) { n.updates[sessionID]++ }
func (n notifier) Done(sessionID string)                  { fmt.Println("done:", sessionID, n.updates[sessionID]) }

const mib = 1 << 20

func main() {
	before := runtime.NumGoroutine()
	svc := storage.NewService(fakes.Blobs{}, notifier{updates: map[string]int{}}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	uploads := []struct {
		size int64
		body *fakes.Body
	}{
		{4 * mib, &fakes.Body{Left: 4 * mib}},                                // big: reports progress
		{1 * mib, &fakes.Body{Left: 1 * mib}},                                // small: no reporter
		{6 * mib, &fakes.Body{Left: 1 * mib, FailWith: io.ErrUnexpectedEOF}}, // client gone mid-upload
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
