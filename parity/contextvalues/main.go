// context.WithValue found by == on keys of one's own types, WithDeadline and Deadline, a deadline inherited
// by a child with a later timeout, one already past, and WithValue's panic on a nil key.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type ctxKey string

type userKey struct{}

type traceKey int

func handler(ctx context.Context) {
	user, ok := ctx.Value(userKey{}).(string)
	fmt.Println("user:", user, ok)
	fmt.Println("request id:", ctx.Value(ctxKey("request-id")), ctx.Value(ctxKey("missing")), ctx.Value("request-id"))
	fmt.Println("trace:", ctx.Value(traceKey(7)), ctx.Value(traceKey(8)))
}

func main() {
	start := time.Now()
	base := context.Background()
	_, ok := base.Deadline()
	fmt.Println("background has a deadline:", ok)
	ctx := context.WithValue(base, ctxKey("request-id"), "r-42")
	ctx = context.WithValue(ctx, userKey{}, "ada")
	ctx = context.WithValue(ctx, traceKey(7), 700)
	handler(ctx)

	dctx, cancel := context.WithDeadline(ctx, start.Add(3*time.Second))
	defer cancel()
	at, ok := dctx.Deadline()
	fmt.Println(at.Sub(start), ok, dctx.Value(userKey{}))
	tctx, cancel2 := context.WithTimeout(dctx, time.Hour)
	defer cancel2()
	at2, _ := tctx.Deadline()
	fmt.Println("inner deadline is the outer's:", at2.Equal(at))
	select {
	case <-tctx.Done():
		fmt.Println(time.Since(start) >= 3*time.Second, tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	case <-time.After(10 * time.Second):
		fmt.Println("too late")
	}
	past, cancel3 := context.WithDeadline(base, start.Add(-time.Second))
	defer cancel3()
	fmt.Println(past.Err())
	defer func() { fmt.Println("recovered:", recover()) }()
	context.WithValue(base, nil, 1)
}
