// The upload service of lesson 4, as it ran on the night of the incident, under a steady driver: every upload
// big enough to report progress leaves its reporter goroutine behind, blocked on a channel nobody closes.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"

	"leaklab/parity/fakes"
	"leaklab/parity/leakupload/storage"
	"leaklab/parity/profile"
)

type notifier struct{}

func (notifier) Progress(sessionID string, bytes int64) {}
func (notifier) Done(sessionID string)                  {}

const mib = 1 << 20

func main() {
	svc := storage.NewService(fakes.Blobs{}, notifier{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	before := runtime.NumGoroutine()
	ctx := context.Background()
	uploads := []struct {
		size int64
		body *fakes.Body
	}{
		{4 * mib, &fakes.Body{Left: 4 * mib}},                                // big: reports progress
		{5 * mib, &fakes.Body{Left: 5 * mib}},                                // big
		{1 * mib, &fakes.Body{Left: 1 * mib}},                                // small: no reporter
		{6 * mib, &fakes.Body{Left: 2 * mib, FailWith: io.ErrUnexpectedEOF}}, // client gone mid-upload
		{512 << 10, &fakes.Body{Left: 512 << 10}},                            // small
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
