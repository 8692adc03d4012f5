package main

import "fmt"

type Node struct {
	value int
	next  *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) Push(v int) {
	l.head = &Node{value: v, next: l.head}
	l.size++
}

func (l *List) Sum() int {
	total := 0
	for n := l.head; n != nil; n = n.next {
		total += n.value
	}
	return total
}

func main() {
	var l List
	for i := 1; i <= 4; i++ {
		l.Push(i)
	}
	fmt.Println(l.size, l.Sum(), l.head.value, l.head.next.value)
}
