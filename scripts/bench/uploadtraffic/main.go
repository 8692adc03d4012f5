// Upload traffic against lesson 4's storage.go, for `npm run bench` to time against the same traffic on
// storage.ts (../uploadTraffic.ts runs both; keep the two drivers in step). An upload starts every 500 ms:
// every third is 4 MiB and reports progress, every seventh client goes away after 2 MiB, the rest are 1 MiB;
// the network delivers a 1 MiB chunk every 200 ms.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strconv"
	"time"

	"leaklab/bench/storage"
)

const (
	uploads = 1500
	mib     = 1 << 20
)

type blobs struct{}

func (blobs) Put(ctx context.Context, key string, data []byte) error {
	time.Sleep(50 * time.Millisecond)
	return nil
}

type notifier struct{}

func (notifier) Progress(sessionID string, bytes int64) {}
func (notifier) Done(sessionID string)                  {}

type body struct {
	left int
	fail bool
}

func (b *body) Read(p []byte) (int, error) {
	time.Sleep(200 * time.Millisecond)
	if b.left == 0 {
		if b.fail {
			return 0, io.ErrUnexpectedEOF
		}
		return 0, io.EOF
	}
	n := min(len(p), b.left)
	b.left -= n
	return n, nil
}

func main() {
	svc := storage.NewService(blobs{}, notifier{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	for i := 0; i < uploads; i++ {
		size, b := mib, &body{left: mib}
		if i%3 == 0 {
			size, b = 4*mib, &body{left: 4 * mib}
		}
		if i%7 == 3 {
			size, b = 6*mib, &body{left: 2 * mib, fail: true}
		}
		go svc.Upload(ctx, "s"+strconv.Itoa(i), "k"+strconv.Itoa(i), int64(size), b)
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(10 * time.Second)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
