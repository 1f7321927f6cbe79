package unga_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeImports are the packages a README snippet may name, by the name
// it uses them with.
var readmeImports = map[string]string{
	"fmt": "fmt", "log": "log", "os": "os", "time": "time", "regexp": "regexp",
	"votes": "github.com/unga-go/unga/votes", "undata": "github.com/unga-go/unga/undata",
	"alignment": "github.com/unga-go/unga/alignment", "idealpoint": "github.com/unga-go/unga/alignment/idealpoint",
	"cluster": "github.com/unga-go/unga/cluster", "audit": "github.com/unga-go/unga/audit", "chart": "github.com/unga-go/unga/chart",
}

// TestReadmeSnippets builds README.md's Go snippets as the README says they
// run: in order, as the body of one func main importing the packages they
// name. Snippet k is built with snippets 1 to k before it, so that each
// compiles where it stands, and a variable a later snippet leaves unused
// fails the build as it would for a reader.
func TestReadmeSnippets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the README's snippets with the go command (seconds); the plain go test runs it")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?ms)^```go\n(.*?)^```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 2 {
		t.Fatalf("%d Go snippets in README.md; the test expects the first five minutes' several", len(blocks))
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// The module's own requirements, so that the build needs no network.
	mod := strings.Replace(string(gomod), "module github.com/unga-go/unga",
		"module readme\n\nrequire github.com/unga-go/unga v0.0.0\n\nreplace github.com/unga-go/unga => "+root, 1)
	write(t, filepath.Join(dir, "go.mod"), mod)
	write(t, filepath.Join(dir, "go.sum"), string(gosum))
	body := ""
	for k, b := range blocks {
		body += b[1]
		var src bytes.Buffer
		src.WriteString("package main\n\nimport (\n")
		for name, path := range readmeImports {
			if regexp.MustCompile(`\b` + name + `\.`).MatchString(body) {
				fmt.Fprintf(&src, "\t%q\n", path)
			}
		}
		src.WriteString(")\n\nfunc main() {\n" + body + "}\n")
		write(t, filepath.Join(dir, fmt.Sprintf("snippet%d", k+1), "main.go"), src.String())
	}
	// Several main packages: go build compiles them all and links none.
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOSUMDB=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("README.md's Go snippets do not build (snippetK holds snippets 1 to K):\n%s", out)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
