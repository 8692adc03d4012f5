package main

import "fmt"

func main() {
	fmt.Println("start")
	panic("something went wrong")
}
