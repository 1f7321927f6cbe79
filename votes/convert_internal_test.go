package votes

import (
	"reflect"
	"testing"

	"github.com/unga-go/unga/internal/engine"
)

// TestRollCallOfCopiesEveryField checks that the engine's RollCall has
// exactly votes.RollCall's fields and that rollCallOf copies each: a field
// added to one and not the other, or not copied, would be lost silently.
func TestRollCallOfCopiesEveryField(t *testing.T) {
	et, vt := reflect.TypeFor[engine.RollCall](), reflect.TypeFor[RollCall]()
	if et.NumField() != vt.NumField() {
		t.Fatalf("engine.RollCall has %d fields, votes.RollCall %d", et.NumField(), vt.NumField())
	}
	// Give every field of an engine roll call a value other than zero.
	var e engine.RollCall
	ev := reflect.ValueOf(&e).Elem()
	for i := range ev.NumField() {
		if et.Field(i).Name != vt.Field(i).Name {
			t.Fatalf("field %d: %s in the engine, %s in votes", i, et.Field(i).Name, vt.Field(i).Name)
		}
		f := ev.Field(i)
		switch f.Kind() {
		case reflect.Int, reflect.Int8:
			f.SetInt(1)
		case reflect.Uint8:
			f.SetUint(1)
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Struct:
			if f.Type().Name() == "Time" {
				f.Set(reflect.ValueOf(day(2019, 12, 9)))
				continue
			}
			for k := range f.NumField() {
				f.Field(k).SetInt(1)
			}
		default:
			t.Fatalf("field %s: kind %v not handled by the test", et.Field(i).Name, f.Kind())
		}
	}
	rc := rollCallOf(&e)
	rv := reflect.ValueOf(rc)
	for i := range rv.NumField() {
		if rv.Field(i).IsZero() {
			t.Errorf("rollCallOf leaves %s zero", vt.Field(i).Name)
		}
	}
}

// TestEngineValues checks that the engine's codes are votes' own, since
// votes converts them by value.
func TestEngineValues(t *testing.T) {
	for _, c := range []struct{ e, v int }{
		{int(engine.NoRecord), int(NoRecord)}, {int(engine.Yes), int(Yes)}, {int(engine.Abstain), int(Abstain)},
		{int(engine.No), int(No)}, {int(engine.Absent), int(Absent)}, {int(engine.NonMember), int(NonMember)},
		{int(engine.FlagUnknown), int(FlagUnknown)}, {int(engine.FlagFalse), int(FlagFalse)}, {int(engine.FlagTrue), int(FlagTrue)},
		{int(engine.MiddleEast), int(MiddleEast)}, {int(engine.Nuclear), int(Nuclear)}, {int(engine.Disarmament), int(Disarmament)},
		{int(engine.HumanRights), int(HumanRights)}, {int(engine.Colonialism), int(Colonialism)}, {int(engine.Development), int(Development)},
		{int(engine.FormatUnknown), int(FormatUnknown)}, {int(engine.FormatUnvotes), int(FormatUnvotes)}, {int(engine.FormatVoeten), int(FormatVoeten)},
		{int(engine.FormatUNDL), int(FormatUNDL)}, {int(engine.FormatCanonical), int(FormatCanonical)},
	} {
		if c.e != c.v {
			t.Errorf("engine value %d, votes value %d", c.e, c.v)
		}
	}
}
