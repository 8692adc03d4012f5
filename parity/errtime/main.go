// time.Time is a struct in Go: no arithmetic, ordering or conversion to and from integers compiles, each
// error where go build puts it (equality and the methods are the way).
package main

import (
	"fmt"
	"time"
)

func main() {
	t1, t2 := time.Now(), time.Now()
	fmt.Println(int64(t1))
	fmt.Println(-t1)
	fmt.Println(t1 - t2)
	fmt.Println(t1 < t2)
	fmt.Println(t1 == t2, t2.Sub(t1), t1.Before(t2))
	var n int64 = 3
	fmt.Println(time.Time(n))
}
