// Command conformance runs the Go implementation over tests/vectors (and its subdirectories,
// such as types/ for the types fixture) and prints one line: "go: N passed, N failed"
// (failures are listed on stderr).
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/framegen/framegen/tests/go/conformance"
)

func main() {
	dir := "../vectors"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	vectors, err := conformance.Load(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	failed := 0
	for _, v := range vectors {
		if problems := conformance.Check(v); len(problems) > 0 {
			failed++
			fmt.Fprintf(os.Stderr, "FAIL %s: %s\n", v.ID, strings.Join(problems, "; "))
		}
	}
	fmt.Printf("go: %d passed, %d failed\n", len(vectors)-failed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
