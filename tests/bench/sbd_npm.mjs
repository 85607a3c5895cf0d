// sbd_npm.mjs SPLITTER LANG: the batch protocol of shared/eval/sbd/sbd_f1.py
// for the npm splitters: {"id","text"} lines in, one JSON array of
// sentences per line out. SPLITTER is sbd, sentencex or sentence-splitter;
// LANG is used by sentencex only. Modules resolve from NODE_PATH (the
// cache directory tests/bench/sbd.sh installs them into).
import { createRequire } from "module";
import { createInterface } from "readline";

const [name, lang] = process.argv.slice(2);
const require = createRequire(process.env.NODE_PATH + "/");
let split;
if (name === "sbd") {
	const sbd = require("sbd");
	split = (t) => sbd.sentences(t, {});
} else if (name === "sentencex") {
	const sx = require("sentencex");
	split = (t) => sx.segment(lang, t);
} else if (name === "sentence-splitter") {
	const mod = await import(process.env.NODE_PATH + "/sentence-splitter/lib/sentence-splitter.js");
	split = (t) => mod.split(t).filter((n) => n.type === "Sentence").map((n) => n.raw);
} else {
	console.error("unknown splitter " + name);
	process.exit(2);
}
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
	if (!line.trim()) continue;
	const rec = JSON.parse(line);
	process.stdout.write(JSON.stringify(split(rec.text)) + "\n");
}
