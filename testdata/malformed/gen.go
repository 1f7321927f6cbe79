//go:build ignore

// Command gen writes the fixtures of testdata/malformed: small good files
// of each layout and variants of them with one fault each. Run it from
// this folder:
//
//	go run gen.go
//
// The expected lines and columns in votes/malformed_test.go are 1-based
// byte positions in these files: a change here must be mirrored there.
package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"path/filepath"
	"strings"
)

const (
	unvotesVotes = `rcid,country,country_code,vote
1,United States,US,yes
1,Namibia,NA,no
2,United States,US,abstain
2,Namibia,NA,yes
`
	unvotesRollCalls = `rcid,session,importantvote,date,unres,amend,para,short,descr
1,1,0,1946-01-01,R/1/1,0,0,FIRST,"first, with a comma"
2,1,NA,1946-01-02,R/1/2,NA,NA,SECOND,second
`
	unvotesIssues = `rcid,short_name,issue
1,me,Palestinian conflict
2,hr,Human rights
`
	voetenGood = `rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year
1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946
1,1,3,20,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946
2,1,2,2,1,0,1/2/1946,R/1/2,1,0,0,0,0,0,1946
2,1,9,20,NA,0,1/2/1946,R/1/2,1,0,0,0,0,0,1946
`
	undlHeader    = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n"
	undlTail      = `,2022-03-02,ES-11,A/RES/ES-11/1,A/ES-11/L.1,,A/ES-11/PV.5,"Aggression against Ukraine, resolution",Agenda,SUBJECTS,,141.0,5.0,35.0,12.0,193.0,https://digitallibrary.un.org/record/3959039`
	canonicalGood = `rcid,session,special,date,resolution,raw_resolution,short,title,description,draft,committee_report,meeting,agenda_title,subjects,link,issues,important,amendment,paragraph,total_yes,total_no,total_abstain,total_non_voting,total_members,cow,iso3,country,vote,member,note
5309,68,,2014-03-27,A/RES/68/262,R/68/262,,,"Territorial integrity of Ukraine, resolution",,,,,,,hr,0,NA,NA,,,,,,2,USA,United States,yes,1,
5309,,,,,,,,,,,,,,,,,,,,,,,,365,RUS,Russia,no,1,
5310,68,,2014-03-28,,,,,,,,,,,,,NA,NA,NA,,,,,,,,,,,
,,,,,,,,,,,,,,,,,,,,,,,,565,NAM,Namibia,,NA,
`
)

// undlRow is a row of record 3959039 for a state and vote.
func undlRow(code, name, vote string) string {
	return "3959039," + code + "," + name + "," + vote + undlTail
}

// undlNew is a row of a new record 4000000, with old replaced by new.
func undlNew(old, new string) string {
	row := strings.Replace(undlRow("SRB", "SERBIA", "Y"), "3959039", "4000000", -1)
	return strings.Replace(row, old, new, 1)
}

var undlGood = undlHeader + undlRow("SRB", "SERBIA", "Y") + "\n" + undlRow("RUS", "RUSSIAN FEDERATION", "N") + "\n" +
	undlRow("BIH", "BOSNIA AND HERZEGOVINA", "Y") + "\n" + undlRow("CHN", "CHINA", "A") + "\n"

// insert returns base with line inserted after its first n lines.
func insert(base string, n int, line string) string {
	lines := strings.SplitAfter(base, "\n")
	out := strings.Join(lines[:n], "") + line + "\n" + strings.Join(lines[n:], "")
	return out
}

func main() {
	files := map[string]string{
		"unvotes/un_votes.csv":               unvotesVotes,
		"unvotes/un_roll_calls.csv":          unvotesRollCalls,
		"unvotes/un_roll_call_issues.csv":    unvotesIssues,
		"unvotes/votes_unknown_vote.csv":     insert(unvotesVotes, 2, "1,Canada,CA,maybe"),
		"unvotes/votes_missing_column.csv":   "rcid,country,country_code\n1,United States,US\n",
		"unvotes/votes_duplicate.csv":        insert(unvotesVotes, 3, "1,United States,US,no"),
		"unvotes/votes_unknown_country.csv":  insert(unvotesVotes, 2, "1,Atlantis,AT,yes"),
		"unvotes/votes_bad_number.csv":       insert(unvotesVotes, 2, "1x,Canada,CA,yes"),
		"unvotes/votes_bad_quote.csv":        insert(unvotesVotes, 2, `1,Canada "the true north",CA,yes`),
		"unvotes/votes_field_count.csv":      insert(unvotesVotes, 2, "1,Canada,CA,yes,extra"),
		"unvotes/votes_unlisted.csv":         insert(unvotesVotes, 2, "9,Canada,CA,yes"),
		"unvotes/votes_empty.csv":            "",
		"unvotes/votes_header_only.csv":      "rcid,country,country_code,vote\n",
		"unvotes/votes_vote_code.csv":        insert(unvotesVotes, 2, "1,Canada,CA,9"),
		"unvotes/votes_code_name.csv":        insert(unvotesVotes, 2, "1,Canada,US,yes"),
		"unvotes/votes_big_rcid.csv":         insert(unvotesVotes, 2, "2147483648,Canada,CA,yes"),
		"unvotes/rollcalls_bad_date.csv":     insert(unvotesRollCalls, 3, "3,1,0,1946-02-30,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_duplicate.csv":    insert(unvotesRollCalls, 3, "2,1,0,1946-01-03,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_big_rcid.csv":     insert(unvotesRollCalls, 3, "2147483648,1,0,1946-01-03,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_special_na.csv":   insert(unvotesRollCalls, 3, "3,ES-11,0,NA,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_session_date.csv": insert(unvotesRollCalls, 3, "3,74,0,1946-01-03,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_huge_session.csv": insert(unvotesRollCalls, 3, "3,999999999999,0,NA,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_year.csv":         insert(unvotesRollCalls, 3, "3,1,0,9999-01-03,R/1/3,0,0,THIRD,third"),
		"unvotes/rollcalls_date_junk.csv":    insert(unvotesRollCalls, 3, "3,1,0,1946-01-03 junk,R/1/3,0,0,THIRD,third"),
		"unvotes/issues_unknown.csv":         strings.Replace(unvotesIssues, "2,hr,Human rights", "2,zz,Zebras", 1),
		"unvotes/issues_unlisted.csv":        insert(unvotesIssues, 2, "9,me,Palestinian conflict"),
		"voeten/good.csv":                    voetenGood,
		"voeten/unknown_vote.csv":            insert(voetenGood, 2, "1,1,5,40,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946"),
		"voeten/missing_column.csv":          "rcid,session,vote,ccode,member,importantvote,unres\n1,1,1,2,1,0,R/1/1\n",
		"voeten/duplicate.csv":               insert(voetenGood, 3, "1,1,2,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946"),
		"voeten/bad_date.csv":                voetenGood + "3,1,1,2,1,0,2/30/1946,R/1/3,0,0,0,0,0,0,1946\n",
		"voeten/unknown_country.csv":         insert(voetenGood, 2, "1,1,1,999,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946"),
		"voeten/bad_number.csv":              insert(voetenGood, 2, "1,1,1,4O,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946"),
		"voeten/bad_quote.csv":               insert(voetenGood, 2, `1,1,1,40,1,0,1/1/1946,"R/1/1,0,0,0,0,0,0,1946`),
		"voeten/field_count.csv":             insert(voetenGood, 2, "1,1,1,40,1,0,1/1/1946,R/1/1,0,0,0,0,0,0"),
		"voeten/conflict.csv":                insert(voetenGood, 3, "1,1,1,40,1,0,1/5/1946,R/1/1,0,0,0,0,0,0,1946"),
		"voeten/empty.csv":                   "",
		"voeten/header_only.csv":             strings.SplitAfter(voetenGood, "\n")[0],
		"voeten/vote_code.csv":               insert(voetenGood, 2, "1,1,Y,40,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946"),
		"voeten/session_date.csv":            voetenGood + "3,74,1,2,1,0,1/3/1946,R/74/3,0,0,0,0,0,0,1946\n",
		"voeten/duplicate_column.csv":        strings.Replace(voetenGood, ",year\n", ",vote\n", 1),
		"voeten/cr_only.csv":                 strings.ReplaceAll(voetenGood, "\n", "\r"),
		"undl/good.csv":                      undlGood,
		"undl/unknown_vote.csv":              insert(undlGood, 2, undlRow("UKR", "UKRAINE", "Q")),
		"undl/missing_column.csv":            strings.Replace(undlHeader, "date,", "", 1) + "3959039,SRB,SERBIA,Y\n",
		"undl/duplicate.csv":                 insert(undlGood, 3, undlRow("SRB", "SERBIA", "N")),
		"undl/bad_date.csv":                  undlGood + undlNew("2022-03-02", "2022-02-30") + "\n",
		"undl/unknown_country.csv":           insert(undlGood, 2, undlRow("ATL", "ATLANTIS", "Y")),
		"undl/bad_number.csv":                undlGood + undlNew("141.0", "12a.0") + "\n",
		"undl/bad_session.csv":               undlGood + undlNew("ES-11,", "ES-X,") + "\n",
		"undl/bad_quote.csv":                 insert(undlGood, 2, strings.Replace(undlRow("UKR", "UKRAINE", "Y"), `"Aggression against Ukraine, resolution"`, `"Aggression" against Ukraine`, 1)),
		"undl/field_count.csv":               insert(undlGood, 2, strings.Replace(undlRow("UKR", "UKRAINE", "Y"), "Agenda,", "", 1)),
		"undl/empty.csv":                     "",
		"undl/header_only.csv":               undlHeader,
		"undl/vote_code.csv":                 insert(undlGood, 2, undlRow("UKR", "UKRAINE", "2")),
		"undl/conflict_title.csv":            insert(undlGood, 2, strings.Replace(undlRow("UKR", "UKRAINE", "Y"), "Aggression against", "Aggression toward", 1)),
		"undl/conflict_session.csv":          insert(undlGood, 2, strings.Replace(undlRow("UKR", "UKRAINE", "Y"), ",ES-11,", ",76,", 1)),
		"undl/conflict_note.csv":             insert(undlGood, 2, strings.Replace(undlRow("SRB", "SERBIA", "Y"), "SUBJECTS,,", "SUBJECTS,a note,", 1)),
		"undl/code_name.csv":                 insert(undlGood, 2, undlRow("RUS", "UKRAINE", "Y")),
		"undl/cr_only.csv":                   strings.ReplaceAll(undlGood, "\n", "\r"),
		"canonical/good.csv":                 canonicalGood,
		"canonical/unknown_vote.csv":         insert(canonicalGood, 3, "5309,,,,,,,,,,,,,,,,,,,,,,,,345,SRB,Serbia,maybe,1,"),
		"canonical/unlisted.csv":             insert(canonicalGood, 3, "5400,,,,,,,,,,,,,,,,,,,,,,,,345,SRB,Serbia,yes,1,"),
		"canonical/unknown_country.csv":      insert(canonicalGood, 3, "5309,,,,,,,,,,,,,,,,,,,,,,,,999,XXX,Atlantis,yes,1,"),
		"canonical/unknown_issue.csv":        canonicalGood + "5311,68,,2014-03-29,,,,,,,,,,,,hr+zz,NA,NA,NA,,,,,,,,,,,\n",
		"canonical/missing_column.csv":       strings.Replace(strings.SplitAfter(canonicalGood, "\n")[0], ",member", "", 1) + "5310,68,,2014-03-28,,,,,,,,,,,,,NA,NA,NA,,,,,,,,,,\n",
		"canonical/vote_code.csv":            insert(canonicalGood, 3, "5309,,,,,,,,,,,,,,,,,,,,,,,,345,SRB,Serbia,Y,1,"),
	}
	// Gzip streams cut short: a third of the way into the compressed
	// bytes, past the gzip header.
	voetenLong := voetenGood
	for range 36 {
		voetenLong += strings.Join(strings.SplitAfter(voetenGood, "\n")[1:], "")
	}
	for name, text := range map[string]string{
		"unvotes/votes_truncated.csv.gz": unvotesVotes,
		"voeten/truncated.csv.gz":        voetenLong,
		"undl/truncated.csv.gz":          undlGood,
	} {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write([]byte(text))
		zw.Close()
		b := buf.Bytes()
		files[name] = string(b[:10+(len(b)-10)/3])
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
