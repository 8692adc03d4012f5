package main

import "fmt"

type Level int

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		var v any = Level(3)
		panic(v)
	}()
	panic(fmt.Sprintf("%d", 1))
}
