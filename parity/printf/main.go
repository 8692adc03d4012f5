package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", 42, 42, 42, 42, 42)
	fmt.Printf("%s|%10s|%-10s|%q\n", "go", "go", "go", "go\n")
	fmt.Printf("%t %v %x %X %c\n", true, false, 255, 255, 'G')
	fmt.Printf("%d %s\n", "wrong", 3)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("100%%\n")
	s := fmt.Sprintf("%v-%v", 1, "a")
	fmt.Println(s, len(s))
	fmt.Print("a", "b", 1, 2, "c", 3.5, true, "\n")
	d := 1500 * time.Millisecond
	fmt.Printf("%s|%v|%q|%8s|%d\n", d, d, d, d, d)
}
