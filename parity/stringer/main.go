package main

import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Event struct {
	Level Level
	msg   string
}

func main() {
	fmt.Println(Info, Warn, []Level{Debug, Info})
	fmt.Printf("%v %s %d\n", Info, Warn, Info)
	fmt.Println(Event{Info, "x"})
	fmt.Printf("%+v\n", Event{Warn, "y"})
	panic(Info)
}
