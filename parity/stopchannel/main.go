package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// A watcher per device, stopped by closing its stop channel once: the fix of lesson 5, in Go.
type watcher struct {
	stop     chan struct{}
	stopOnce sync.Once
}

func (w *watcher) run(events <-chan int) {
	for {
		select {
		case <-w.stop:
			return
		case <-events:
		}
	}
}

func (w *watcher) Stop() { w.stopOnce.Do(func() { close(w.stop) }) }

func main() {
	events := make(chan int)
	var watchers []*watcher
	for i := 0; i < 5; i++ {
		w := &watcher{stop: make(chan struct{})}
		watchers = append(watchers, w)
		go w.run(events)
	}
	time.Sleep(time.Millisecond)
	fmt.Println("running:", runtime.NumGoroutine())
	for _, w := range watchers {
		w.Stop()
		w.Stop()
	}
	// Stopped goroutines end soon, not at once: wait for them (real Go's scheduler may be busy elsewhere).
	for deadline := time.Now().Add(10 * time.Second); runtime.NumGoroutine() > 1 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("after stop:", runtime.NumGoroutine())
}
