package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func worker(ctx context.Context, out chan<- int) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			close(out)
			return
		case out <- i:
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	go worker(ctx, out)
	fmt.Println(<-out, <-out, <-out)
	cancel()
	for range out {
	}
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	cancel()

	tctx, stop := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer stop()
	select {
	case <-tctx.Done():
		fmt.Println("timed out:", tctx.Err(), tctx.Err() == context.DeadlineExceeded)
	case <-time.After(time.Hour):
		fmt.Println("not timed out")
	}
	child, cancelChild := context.WithCancel(tctx)
	defer cancelChild()
	<-child.Done()
	fmt.Println("child:", child.Err())
	fmt.Println(context.Background().Err())
}
