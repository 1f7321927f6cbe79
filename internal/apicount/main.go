// Command apicount counts the module's exported identifiers, per package and
// in total: the API a user of the module has to hold in mind.
//
// Usage, from anywhere in the module:
//
//	go run ./internal/apicount
//
// The flag -list prints every identifier counted instead, one a line, as
// package.Name or package.Type.Name.
//
// It counts, in every package that is not internal, not a command (package
// main) and not a test file: exported types; exported top-level funcs,
// consts and vars; exported methods of exported types (methods declared on
// them and the methods of their exported interfaces); exported fields of
// exported struct types, embedded fields included. Methods and fields
// promoted from an embedded type count once, where they are declared.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// count is the number of exported identifiers of one package, by kind.
type count struct {
	Dir                                   string // relative to the module root, with forward slashes
	Types, Funcs, Methods, Fields, Values int
	Names                                 []string // Name or Type.Name, in the order of the files
}

func (c count) total() int { return c.Types + c.Funcs + c.Methods + c.Fields + c.Values }

// countModule counts every public package under root, the module's
// directory, in the order of their directories.
func countModule(root string) ([]count, error) {
	var out []count
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (name == "internal" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		c, ok, err := countDir(path)
		if err != nil {
			return err
		}
		if ok {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			c.Dir = filepath.ToSlash(rel)
			out = append(out, c)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b count) int { return cmp.Compare(a.Dir, b.Dir) })
	return out, err
}

// countDir counts the package in dir, if there is one that is not a command.
func countDir(dir string) (count, bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return count{}, false, err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return count{}, false, err
		}
		if f.Name.Name == "main" {
			return count{}, false, nil
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return count{}, false, nil
	}
	var c count
	for _, f := range files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					c.Funcs++
					c.Names = append(c.Names, d.Name.Name)
				} else if recv := receiverType(d.Recv.List[0].Type); ast.IsExported(recv) {
					c.Methods++
					c.Names = append(c.Names, recv+"."+d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						c.Types++
						c.Names = append(c.Names, s.Name.Name)
						switch t := s.Type.(type) {
						case *ast.StructType:
							names := exportedFields(t.Fields)
							c.Fields += len(names)
							for _, n := range names {
								c.Names = append(c.Names, s.Name.Name+"."+n)
							}
						case *ast.InterfaceType:
							names := exportedFields(t.Methods)
							c.Methods += len(names)
							for _, n := range names {
								c.Names = append(c.Names, s.Name.Name+"."+n)
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								c.Values++
								c.Names = append(c.Names, n.Name)
							}
						}
					}
				}
			}
		}
	}
	return c, true, nil
}

// receiverType returns the name of a method's receiver type.
func receiverType(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.IndexExpr: // a generic type T[P]
			x = t.X
		case *ast.IndexListExpr: // T[P, Q]
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// exportedFields returns the exported names in a field list: named fields,
// embedded fields (by their type's name) and interface methods. Embedded
// interfaces and type constraints in an interface count nothing.
func exportedFields(fl *ast.FieldList) []string {
	var out []string
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			if _, isFunc := f.Type.(*ast.FuncType); !isFunc {
				if name := receiverType(embeddedName(f.Type)); ast.IsExported(name) {
					out = append(out, name)
				}
			}
			continue
		}
		for _, name := range f.Names {
			if name.IsExported() {
				out = append(out, name.Name)
			}
		}
	}
	return out
}

// embeddedName strips a package qualifier from an embedded field's type.
func embeddedName(x ast.Expr) ast.Expr {
	if s, ok := x.(*ast.StarExpr); ok {
		x = s.X
	}
	if s, ok := x.(*ast.SelectorExpr); ok {
		return s.Sel
	}
	return x
}

func main() {
	list := flag.Bool("list", false, "print every identifier counted, one a line")
	flag.Parse()
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "apicount:", err)
		os.Exit(1)
	}
	cs, err := countModule(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apicount:", err)
		os.Exit(1)
	}
	if *list {
		for _, c := range cs {
			for _, n := range c.Names {
				fmt.Printf("%s.%s\n", path.Base(c.Dir), n)
			}
		}
		return
	}
	fmt.Print(table(cs))
}

// table renders the counts with a total line.
func table(cs []count) string {
	var b strings.Builder
	var sum count
	fmt.Fprintf(&b, "%-22s %5s %5s %7s %6s %6s %5s\n", "package", "types", "funcs", "methods", "fields", "values", "total")
	line := func(c count) {
		fmt.Fprintf(&b, "%-22s %5d %5d %7d %6d %6d %5d\n", c.Dir, c.Types, c.Funcs, c.Methods, c.Fields, c.Values, c.total())
	}
	for _, c := range cs {
		line(c)
		sum.Types += c.Types
		sum.Funcs += c.Funcs
		sum.Methods += c.Methods
		sum.Fields += c.Fields
		sum.Values += c.Values
	}
	sum.Dir = "total"
	line(sum)
	return b.String()
}

// moduleRoot returns the nearest directory at or above the working
// directory that holds a go.mod file.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod at or above the working directory")
		}
		dir = parent
	}
}
