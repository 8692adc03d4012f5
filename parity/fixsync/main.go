// The sync service of lesson 5, fixed (solutions/05-sync/sync.go), under the driver of leaksync: each watcher
// ends when its device disconnects and gives its slot back, so a device that connects later is watched.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"

	syncsvc "leaklab/parity/fixsync/sync"
	"leaklab/parity/profile"
)

// store keeps each file's version.
type store struct{ versions map[string]int64 }

func (s *store) Version(ctx context.Context, user, path string) (int64, error) {
	return s.versions[user+"/"+path], nil
}

func (s *store) Save(ctx context.Context, c syncsvc.Change) error {
	s.versions[c.User+"/"+c.Path] = c.Version
	return nil
}

func main() {
	svc := syncsvc.NewService(&store{versions: make(map[string]int64)}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	before := runtime.NumGoroutine()
	ctx := context.Background()

	// Three users' devices connect; ada has more devices than the hub takes.
	devices := map[string]int{"ada": 6, "grace": 2, "linus": 1}
	var outs []chan syncsvc.Change
	var disconnects []context.CancelFunc
	for _, user := range []string{"ada", "grace", "linus"} {
		for d := 0; d < devices[user]; d++ {
			deviceCtx, disconnect := context.WithCancel(ctx)
			out := make(chan syncsvc.Change)
			if svc.WatchChanges(deviceCtx, user, out) {
				outs = append(outs, out)
			} else {
				fmt.Println(user, "device", d, "falls back to polling")
			}
			disconnects = append(disconnects, disconnect)
		}
	}

	// Edits, one of them on a stale version.
	edits := []syncsvc.Change{
		{User: "ada", Path: "notes.txt", Version: 0},
		{User: "ada", Path: "notes.txt", Version: 1},
		{User: "grace", Path: "plan.md", Version: 0},
		{User: "ada", Path: "notes.txt", Version: 1},
	}
	for _, e := range edits {
		c, err := svc.ApplyChange(ctx, e)
		fmt.Println("apply", e.User, e.Path, "v", e.Version, "->", c.Version, err)
	}
	// The first device takes its changes; then every device disconnects.
	for i := 0; i < 2; i++ {
		c := <-outs[0]
		fmt.Println("device 0 got", c.Path, "v", c.Version)
	}
	for _, disconnect := range disconnects {
		disconnect()
	}
	changes, more, err := svc.ChangesSince("ada", time.Now().Add(-time.Minute))
	fmt.Println("ada's changes in the last minute:", len(changes), more, err)
	fmt.Println("snapshot:", len(svc.Snapshot("ada")))

	profile.Settle()
	later, disconnect := context.WithCancel(ctx)
	fmt.Println("a device of ada's connecting later is watched:", svc.WatchChanges(later, "ada", make(chan syncsvc.Change)))
	disconnect()
	profile.Settle()
	fmt.Println("goroutines leaked:", runtime.NumGoroutine()-before)
	profile.Print()
}
