/**
 * A small Go program the run worker compiles once when it loads the grammar, before the learner's first build:
 * JavaScript engines compile a function when it is first called and optimise it once it has run a while, so
 * a first build runs the compiler cold, several times slower than later ones. This program goes through what
 * a service's file uses (declarations, methods, goroutines, channels, select, defer, closures, maps, errors,
 * fmt, loops and switches), so that the compiler's code is compiled before a learner waits on it.
 */
export const WARM_UP_SOURCE = `package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Status int

const (
	Idle Status = iota
	Busy
)

var ErrStopped = errors.New("stopped")

type Job struct {
	ID   string
	Size int64
}

type Worker struct {
	mu    sync.Mutex
	seen  map[string]int
	jobs  chan Job
	done  chan struct{}
	wg    sync.WaitGroup
	state Status
}

func NewWorker() *Worker {
	return &Worker{seen: make(map[string]int), jobs: make(chan Job, 4), done: make(chan struct{})}
}

func (w *Worker) Start() {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		for {
			select {
			case job, ok := <-w.jobs:
				if !ok {
					return
				}
				w.record(job)
			case <-ticker.C:
			case <-w.done:
				return
			}
		}
	}()
}

func (w *Worker) record(job Job) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen[job.ID] += int(job.Size)
	switch {
	case job.Size > 1<<20:
		w.state = Busy
	default:
		w.state = Idle
	}
}

func (w *Worker) Submit(jobs []Job) (int, error) {
	n := 0
	for i, job := range jobs {
		if job.ID == "" {
			return n, fmt.Errorf("job %d: %w", i, ErrStopped)
		}
		w.jobs <- job
		n++
	}
	return n, nil
}

func main() {
	w := NewWorker()
	w.Start()
	n, err := w.Submit([]Job{{ID: "a", Size: 2 << 20}, {ID: "b", Size: 10}})
	close(w.jobs)
	w.wg.Wait()
	if errors.Is(err, ErrStopped) {
		fmt.Println("stopped after", n)
	}
	fmt.Printf("%d jobs, state %v, %s\\n", n, w.state, time.Duration(n)*time.Millisecond)
}
`;
