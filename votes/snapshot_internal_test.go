package votes

import (
	"reflect"
	"testing"
	"time"

	"github.com/unga-go/unga/internal/countries"
)

// Every field of RollCall survives the snapshot: each is set by reflection
// to a value other than its zero, so that a field added to RollCall and
// not to the encoding fails here.
func TestMarshalBinaryEveryField(t *testing.T) {
	var rc RollCall
	v := reflect.ValueOf(&rc).Elem()
	serbia := countryAt(mustPos(t, 345))
	for k := range v.NumField() {
		f, name := v.Field(k), v.Type().Field(k).Name
		switch f.Interface().(type) {
		case string:
			f.SetString("text of " + name)
		case int:
			f.SetInt(int64(70 + k))
		case bool:
			f.SetBool(true)
		case Flag:
			f.SetInt(int64(FlagTrue))
		case Issue:
			f.SetUint(uint64(HumanRights | Nuclear))
		case time.Time:
			f.Set(reflect.ValueOf(time.Date(2022, 12, 15, 0, 0, 0, 0, time.UTC)))
		case Tally:
			f.Set(reflect.ValueOf(Tally{Yes: 82, No: 14, Abstain: 80, NonVoting: 17, Members: 193}))
		case []string:
			f.Set(reflect.ValueOf([]string{name + " 1", name + " 2"}))
		case []Country:
			f.Set(reflect.ValueOf([]Country{serbia}))
		default:
			t.Fatalf("RollCall.%s is of a type this test does not fill (%s): add it here and to the snapshot", name, f.Type())
		}
	}
	rc.Session, rc.ID = 77, 1308229000
	d := &Dataset{countries: []Country{serbia}, rollCalls: []RollCall{rc}, votes: []Vote{Abstain}, index: map[int]int{345: 0}}
	b, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Dataset
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	g := got.rollCalls[0]
	if !g.Date.Equal(rc.Date) {
		t.Errorf("Date %v, want %v", g.Date, rc.Date)
	}
	g.Date = rc.Date
	if !reflect.DeepEqual(g, rc) {
		t.Errorf("roll call after the snapshot\n%+v\nwant\n%+v", g, rc)
	}
}

func mustPos(t *testing.T, cow int) int {
	t.Helper()
	p, ok := countries.Pos(cow)
	if !ok {
		t.Fatalf("no COW %d", cow)
	}
	return p
}
