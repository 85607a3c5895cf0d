"""detect.py CMD...: runs a language detector (one text per line in, one
code per line out) on the UD dev sets and the data set articles of
SHARED_EVAL, and prints the share detected right per set, with the time and
the commonest wrong answers."""
import json, os, subprocess, sys, time
cmd = sys.argv[1:]
sets = []
SE = os.environ.get("SHARED_EVAL", "../shared/eval")
E = SE + "/sbd/"
for s,l in [("en_ewt","en"),("en_gum","en"),("de","de"),("fr","fr"),("es","es"),("ru","ru"),("zh","zh"),("it","it")]:
    texts=[json.loads(x)["text"] for x in open(E+"ud_%s_dev.jsonl"%s)]
    sets.append(("UD %s paragraphs"%s,l,texts))
    sents=[x for t in [json.loads(x)["sentences"] for x in open(E+"ud_%s_dev.jsonl"%s)] for x in t][:500]
    sets.append(("UD %s sentences"%s,l,sents))
D = SE + "/datasets/"
for f,l in [("cnndm_test.jsonl","en"),("cnndm_dev.jsonl","en"),("bbc_news_summary.jsonl","en"),("xsum_frank.jsonl","en"),("cnndm_test_raw.jsonl","en"),("vi_news_datblue_test.jsonl","vi")]:
    texts=[json.loads(x)["article"] for x in open(D+f)]
    sets.append((f,l,texts))
def norm(a):
    a=a.strip()
    if a.startswith("["): a=a[1:].split("]")[0]
    return a.split("-")[0]
for name,l,texts in sets:
    inp="".join(t.replace("\n"," ").replace("\r"," ")+"\n" for t in texts)
    t0=time.time()
    out=subprocess.run(cmd,input=inp.encode(),capture_output=True).stdout.decode().splitlines()
    dt=time.time()-t0
    ok=sum(1 for o in out if norm(o)==l)
    wrong={}
    for o in out:
        if norm(o)!=l: wrong[norm(o)[:10]]=wrong.get(norm(o)[:10],0)+1
    print("%-32s %5d  %6.2f%%  %.2fs  %s"%(name,len(texts),100*ok/max(1,len(texts)),dt,sorted(wrong.items(),key=lambda x:-x[1])[:4]))
