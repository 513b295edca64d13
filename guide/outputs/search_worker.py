"""Ship a corrected copy of Material's search worker, and point every page at it.

Material's worker has two faults a student meets: its Chinese segmenter never looks up the last word of a query
(核验失败 searches 核验 only), and a one-letter typo ("pasport") finds nothing; it also ranks a whole page above the
section that holds every word of the query (SCORE). The fixes are exact replacements in Material's compiled file,
refused on any other file, so an upgrade of Material cannot silently drop them.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

from guide.outputs.built_site import BuiltSite
from guide.outputs.script_bundle import fingerprinted_name
from guide.outputs.search_per_language import rewrite_config

WORKERS = Path("assets") / "javascripts" / "workers"
MATERIAL_WORKER = "search.a7633da7.min.js"
# sha256 of Material 9.8's workers/search.a7633da7.min.js, the file the fixes below were written against.
MATERIAL_SHA256 = "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4"

# Material's segmenter, as compiled: `fe(query, invertedIndex)` returns the set of words to search.
SEGMENTER = (
    'function fe(t,e){let r=new Set,n=new Uint16Array(t.length);for(let s=0;s<t.length;s++)for(let o=s+1;'
    'o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);let i=[0];for(let s=i.length;s>0;){let o=i[--s];for(let u=1;'
    'u<n[o];u++)n[o+u]>n[o]-u&&(r.add(t.slice(o,o+u)),i[s++]=o+u);let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a),'
    'r.add(t.slice(o,a))}return r.has("")?new Set([t]):r}'
)
# Every word of the run: the longest known word at each place; an unknown character is stepped over; a run with no
# known word at all is searched as it is (as Material did).
SEGMENTER_FIXED = (
    'function fe(t,e){let r=new Set;for(let s=0;s<t.length;){let o=0;for(let a=t.length;a>s;a--)'
    'if(Object.prototype.hasOwnProperty.call(e,t.slice(s,a))){o=a-s;break}'
    'o?(r.add(t.slice(s,s+o)),s+=o):s++}return r.size?r:new Set([t])}'
)
# The start of the worker's search(): Chinese runs segmented, then Material's query syntax applied.
QUERY = ('search(e){if(e=e.replace(new RegExp("\\\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)]'
         '.join("* ")),e=ce(e),!e)return{items:[]};')
# The same, with each English word of 5+ letters also searched with one letter of tolerance ("pasport~" becomes
# lunr's "pasport~1"; ce() leaves a word ending in "~" without Material's trailing wildcard), and the words of a
# Chinese run searched as they are when the index knows them (a neutral "^1" keeps ce() from adding a wildcard):
# with a wildcard, 注册学信网账号's 账号 matched a rare student's word 账号名 and pulled its section above the page
# titled with all three words, and 方式二怎么用's 用 matched 用户名. Only a run the index does not know at all
# keeps Material's wildcard (the student may still be typing it). A Chinese run is set
# apart from the letters and digits beside it: "方式3 not showing" searches 方式 and 3.
QUERY_FIXED = ('search(e){let y=(e.toLowerCase().match(/[a-z]{5,}/g)||[]).map(w=>w+"~").join(" ");'
               'if(e=e.replace(new RegExp("\\\\p{sc=Han}+","gu"),s=>{let w=[...fe(s,this.index.invertedIndex)],'
               'k=w.filter(x=>!QW.has(x));return" "+(k.length?k:w).map(x=>x in this.index.invertedIndex?x+"^1":x)'
               '.join(" ")+" "}),y&&(e=e+" "+y),e=ce(e),!e)return{items:[]};')
# Chinese question words and particles, as jieba cuts them: a student's question (学校名称填什么, 可以用同一个手机号吗)
# is searched by its other words, as English drops its stop words ("how do I"); a query of these words alone is
# searched as typed.
QUESTION_WORDS = ("怎么", "怎么办", "怎样", "如何", "什么", "为什么", "哪里", "在哪里", "哪个", "哪些", "吗", "呢", "吧",
                  "了", "的", "是", "我", "可以", "能", "要", "该", "在")
SEGMENTER_FIXED = SEGMENTER_FIXED + "const QW=new Set(" + json.dumps(QUESTION_WORDS, ensure_ascii=False) + ");"
# Whether two words are at most one letter apart (one letter wrong, missing or extra): the typo tolerance's measure.
ONE_LETTER_APART = ("function ed1(a,b){if(Math.abs(a.length-b.length)>1)return!1;let i=0,j=0,d=0;"
                    "for(;i<a.length&&j<b.length;)if(a[i]===b[j])i++,j++;else{if(++d>1)return!1;"
                    "a.length>b.length?i++:a.length<b.length?j++:(i++,j++)}return d+a.length-i+b.length-j<=1}")
SEGMENTER_FIXED = SEGMENTER_FIXED + ONE_LETTER_APART
# Material's score of a result: lunr's score times 1 + g², where g is 1 for a whole page (0 for a section) plus the
# share of the query's words it holds. A page's title then weighs two and a half times a section's heading, so a
# page that names one word of the symptom ("No mainland phone number") came before the short section whose heading
# is the symptom ("New phone number"), and the page's longest section was listed as its answer.
SCORE = ('let g=+!c.parent+Object.values(f).filter(l=>l).length/Object.keys(f).length;'
         's.push(B(_({},c),{score:a*(1+K(g,2)),terms:f}))')
# Corrected: a page counts half (it still comes first when its title is the query), and the score is multiplied by
# the share of the query's words the result holds, cubed: a section that holds every word of "my name is wrong"
# comes before one that holds "wrong" in its heading and its student's words. A word of five letters or more that
# no page has, and the result holds one letter apart, counts as held (screenshoot: screenshot; not chose: choose,
# since "chose" is a word of the guide); a result that holds none of the words
# counts as holding one of them.
SCORE_FIXED = ('let ks=Object.keys(u.metadata);for(let t in f)!f[t]&&t.length>4&&!(t in this.index.invertedIndex)&&ks.some(k=>ed1(t,k))&&(f[t]=!0);'
               'let F=Object.values(f).filter(l=>l).length/Object.keys(f).length,g=.5*!c.parent+F;'
               's.push(B(_({},c),{score:a*(1+K(g,2))*K(F||1/Object.keys(f).length,3),terms:f}))')
FIXES = ((SEGMENTER, SEGMENTER_FIXED), (QUERY, QUERY_FIXED), (SCORE, SCORE_FIXED))


def material_worker() -> Path:
    return Path(material.__file__).parent / "templates" / WORKERS / MATERIAL_WORKER


def fixed_worker(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    if digest != MATERIAL_SHA256:
        raise PluginError(
            f"Material's search worker {MATERIAL_WORKER} is not the file the search fixes were written for "
            f"(sha256 {digest}): Material was upgraded. A developer must check that its worker still drops the last "
            "Chinese word and finds no typo, then rewrite the fixes in guide/outputs/search_worker.py for it")
    # The digest pins the file, so each fragment is where the fix expects it (tests/test_search_worker.py checks that).
    for old, new in FIXES:
        source = source.replace(old, new)
    return source


def point_pages_at(html: str, name: str) -> str:
    def change(app: dict) -> None:
        if "search" in app:
            app["search"] = app["search"].rsplit("/", 1)[0] + "/" + name

    return rewrite_config(html, change)


def run(built: BuiltSite) -> None:
    original = built.site / WORKERS / MATERIAL_WORKER
    if not original.is_file():
        return  # no search in this build, or the step already ran (it removes Material's worker)
    text = fixed_worker(original.read_text(encoding="utf-8"))
    name = fingerprinted_name(text, "search")
    (built.site / WORKERS / name).write_text(text, encoding="utf-8")
    for page in built.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if MATERIAL_WORKER in html:
            page.write_text(point_pages_at(html, name), encoding="utf-8")
    original.unlink()
    original.with_name(MATERIAL_WORKER + ".map").unlink(missing_ok=True)
