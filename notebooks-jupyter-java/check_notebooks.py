#!/usr/bin/env python3
"""Checks that executed Candor notebooks show what their prose says they show.

Usage: check_notebooks.py DIR   (DIR holds the executed [0-9]*.ipynb files)

nbconvert already fails on any cell that throws or does not compile. This script checks the
*content*: each notebook has a check function below that reads the outputs of its cells (found by
cell id) and asserts the claims of the text around them, for example that a metric printed from the
Java API equals the value in the JSON, that the four-fifths verdict agrees with the number, that the
reported numbers equal the AIF360/fairlearn reference values when the reference data was used, and
that the inline HTML report has its sections. Only the Python standard library is used.

Exit status: 0 when every check passes, 1 otherwise (each failure is printed with the notebook and
the cell id).
"""
import glob
import html as htmllib
import json
import math
import os
import re
import sys

FAILURES = []


class Notebook:
    """The outputs of one executed notebook, by cell id."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            self.nb = json.load(f)
        self.cells = {c.get("id"): c for c in self.nb["cells"]}

    def cell(self, cid):
        if cid not in self.cells:
            raise AssertionError("no cell with id '%s'" % cid)
        return self.cells[cid]

    def outputs(self, cid):
        return self.cell(cid).get("outputs", [])

    def text(self, cid):
        """Everything the cell printed to stdout."""
        return "".join(_joined(o.get("text", "")) for o in self.outputs(cid)
                       if o["output_type"] == "stream" and o.get("name") == "stdout")

    def data(self, cid, mime):
        """The cell's rich outputs of one MIME type, in order."""
        return [_joined(o["data"][mime]) for o in self.outputs(cid)
                if o["output_type"] in ("display_data", "execute_result") and mime in o.get("data", {})]

    def markdown(self, cid):
        return _joined(self.cell(cid)["source"])


def _joined(v):
    return "".join(v) if isinstance(v, list) else v


def check(nb, what, condition, detail=""):
    """Records a failed claim instead of stopping, so one run lists every problem."""
    if not condition:
        FAILURES.append("%s: %s%s" % (nb.name, what, (" -- " + detail) if detail else ""))


def close(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


def shared_dir():
    """The reference data directory, found as Candor's SharedData finds it."""
    env = os.environ.get("CANDOR_DATA")
    if env and os.path.basename(os.path.normpath(env)) == "datasets":
        cand = os.path.dirname(os.path.normpath(env))
        if os.path.isdir(os.path.join(cand, "golden")):
            return cand
    here = os.path.dirname(os.path.abspath(__file__))
    d = here
    while True:
        for c in (os.path.join(d, "shared"), os.path.join(os.path.dirname(d), "shared")):
            if os.path.isdir(os.path.join(c, "golden")):
                return c
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def golden(rel):
    s = shared_dir()
    if s is None:
        return None
    p = os.path.join(s, "golden", rel)
    if not os.path.isfile(p):
        return None
    with open(p, encoding="utf-8") as f:
        return json.load(f)


def dotted_values(text):
    """Lines 'some.key = number' as a dict of floats (booleans as 1.0/0.0)."""
    out = {}
    for m in re.finditer(r"^([\w.&\-]+) = (\S+)\s*$", text, re.M):
        v = m.group(2)
        if v in ("true", "false"):
            out[m.group(1)] = 1.0 if v == "true" else 0.0
        else:
            try:
                out[m.group(1)] = float(v)
            except ValueError:
                pass
    return out


def html_tables(html):
    """Every <table> of an HTML fragment as (caption, header cells, rows of cells), unescaped."""
    tables = []
    for t in re.findall(r"<table.*?</table>", html, re.S):
        cap = re.search(r"<caption[^>]*>(.*?)</caption>", t, re.S)
        caption = htmllib.unescape(re.sub(r"<[^>]+>", "", cap.group(1))).strip() if cap else ""
        header = [htmllib.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", t, re.S)]
        rows = []
        for r in re.findall(r"<tr>(.*?)</tr>", t, re.S):
            cells = [htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            if cells:
                rows.append(cells)
        tables.append((caption, header, rows))
    return tables


def leading_float(cell):
    m = re.match(r"\s*(-?\d+(?:\.\d+)?(?:[eE]-?\d+)?)", cell)
    return float(m.group(1)) if m else None


# ------------------------------------------------------------------ independent statistics

def chi_square_2x2(a, b, c, d):
    """Pearson's X^2 without continuity correction and its p-value (1 degree of freedom)."""
    n = a + b + c + d
    x2 = n * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    return x2, math.erfc(math.sqrt(x2 / 2))


def fisher_2x2(a, b, c, d):
    """Two-sided Fisher exact p: the probability of tables with the same margins no more likely
    than the observed one (relative tolerance 1e-7, as scipy)."""
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    def p(x):
        return math.comb(r1, x) * math.comb(r2, c1 - x) / math.comb(n, c1)
    observed = p(a)
    lo, hi = max(0, c1 - r2), min(r1, c1)
    return sum(p(x) for x in range(lo, hi + 1) if p(x) <= observed * (1 + 1e-7))


# ------------------------------------------------------------------ 01-audit-predictions

def check_audit(nb):
    data = nb.text("data")
    german = "source: german_predictions.csv" in data
    g = golden("fairness/german_audit.json") if german else None
    if german:
        check(nb, "German file has 1000 rows", "rows: 1000" in data, data)

    # The audit renders as HTML tables with every attribute, the intersection and their groups,
    # and the plain-text fallback carries the same tables.
    html = "".join(nb.data("audit", "text/html"))
    plain = "".join(nb.data("audit", "text/plain"))
    tables = html_tables(html)
    captions = [t[0] for t in tables]
    for cap in ("sex (privileged: male)", "age_group (privileged: gt25)",
                "sex&age_group (no privileged value: between-groups forms)"):
        check(nb, "audit table '%s' displayed" % cap, cap in captions, str(captions))
        check(nb, "plain-text fallback has '%s'" % cap, cap in plain)
    groups = {r[0].rstrip(" *") for t in tables for r in t[2]}
    for grp in ("female", "male", "gt25", "le25", "female&gt25", "female&le25", "male&gt25", "male&le25"):
        check(nb, "group %s in the displayed tables" % grp, grp in groups, str(groups))
    check(nb, "privileged groups marked with *", any(r[0] == "male *" for t in tables for r in t[2]))

    printed = dotted_values(nb.text("json"))
    # The disparate impact computed by hand equals the library's value and the JSON's.
    hand = dict(re.findall(r"^(selection rate \w+|disparate impact .*?|by hand)\s*= (\S+)$", nb.text("by-hand"), re.M))
    di_key = next((k for k in hand if k.startswith("disparate impact")), None)
    check(nb, "by-hand cell prints disparate impact", di_key is not None, nb.text("by-hand"))
    if di_key:
        di = float(hand[di_key])
        check(nb, "disparate impact equals selection-rate ratio by hand",
              close(di, float(hand["by hand"]), 1e-12), str(hand))
        check(nb, "disparate impact equals female/male selection rates",
              close(di, float(hand["selection rate female"]) / float(hand["selection rate male"]), 1e-12))
        check(nb, "printed disparate impact equals the JSON value",
              close(di, printed.get("protected.sex.metrics.disparate_impact"), 1e-12))

    # Four-fifths verdicts agree with the numbers, the intervals contain them, and they equal the JSON.
    lines = re.findall(r"four-fifths (\S+): disparate_impact = (\S+), 95% CI \[(\S+), (\S+)\] -> (PASS|FAIL)",
                       nb.text("four-fifths"))
    check(nb, "four-fifths verdict for sex and age_group", {l[0] for l in lines} == {"sex", "age_group"}, str(lines))
    for attr, v, lo, hi, verdict in lines:
        v, lo, hi = float(v), float(lo), float(hi)
        check(nb, "four-fifths verdict of %s matches %.6f" % (attr, v), (verdict == "PASS") == (v >= 0.8))
        check(nb, "bootstrap CI of %s contains the estimate" % attr, lo <= v <= hi, "%s %s %s" % (lo, v, hi))
        check(nb, "four-fifths value of %s equals the JSON" % attr,
              close(v, printed.get("protected.%s.metrics.disparate_impact" % attr), 5e-7))

    # The policy: passed is false exactly when a violation is listed; every violation breaks its
    # bound; the value is the JSON's; the privileged-only rule names the attributes it applies to.
    pol = nb.text("policy")
    passed = re.search(r"policy passed: (true|false)", pol)
    violations = re.findall(r"violation: (\S+) (\S+) = (\S+) (<|>) (min|max) (\S+)", pol)
    check(nb, "policy verdict printed", passed is not None, pol)
    if passed:
        check(nb, "policy passed iff no violation", (passed.group(1) == "true") == (len(violations) == 0), pol)
        check(nb, "policy verdict equals the JSON", printed.get("policy.passed") == (1.0 if passed.group(1) == "true" else 0.0))
    for attr, metric, v, op, _, bound in violations:
        v, bound = float(v), float(bound)
        check(nb, "violation %s %s really breaks its bound" % (attr, metric), v < bound if op == "<" else v > bound)
        check(nb, "violation value %s %s equals the JSON" % (attr, metric),
              close(v, printed.get("protected.%s.metrics.%s" % (attr, metric)), 1e-12))
    check(nb, "the four-fifths rule is checked on the two attributes and not on the intersection",
          "sex&age_group disparate_impact" not in pol and "skipped:" not in pol, pol)
    checks = re.search(r"\((\d+) checks\)", pol)
    check(nb, "five checks: disparate impact on two attributes, equalized odds on three",
          checks is not None and checks.group(1) == "5", pol)

    # Significance: recompute chi-square and Fisher from the printed 2x2 table; the prose claims the
    # sex gap is significant (CI excludes 0, Fisher p < 0.05).
    sig = nb.text("significance")
    t = re.search(r"female (\d+) / (\d+), male (\d+) / (\d+)", sig)
    s = re.search(r"chi-square = (\S+), p = (\S+); Fisher exact p = (\S+)", sig)
    ci = re.search(r"statistical_parity_difference = (\S+), 95% bootstrap CI \[(\S+), (\S+)\]", sig)
    check(nb, "significance cell prints table, tests and CI", t and s and ci, sig)
    if t and s and ci:
        a, b, c, d = map(int, t.groups())
        x2, p = chi_square_2x2(a, b, c, d)
        check(nb, "chi-square statistic recomputed", close(float(s.group(1)), x2, 1e-4), "%s vs %s" % (s.group(1), x2))
        check(nb, "chi-square p recomputed", close(float(s.group(2)), p, 1e-6), "%s vs %s" % (s.group(2), p))
        fp = fisher_2x2(a, b, c, d)
        check(nb, "Fisher exact p recomputed", close(float(s.group(3)), fp, 1e-6), "%s vs %s" % (s.group(3), fp))
        spd, lo, hi = map(float, ci.groups())
        check(nb, "claim: the SPD interval for sex excludes 0", hi < 0 or lo > 0, ci.group(0))
        check(nb, "claim: Fisher p < 0.05 for sex", float(s.group(3)) < 0.05, s.group(0))
        check(nb, "SPD equals the 2x2 table's rate gap", close(spd, a / (a + b) - c / (c + d), 1e-6))

    # Intersection: four groups; the ratio is min/max of the printed rates and names the pair.
    inter = nb.text("intersection")
    rates = {gname: float(r) for gname, r in re.findall(r"^(\S+)\s+n =\s+\d+\s+selection_rate = (\S+)$", inter, re.M)}
    check(nb, "four intersection groups", len(rates) == 4, str(rates))
    m = re.search(r"demographic_parity_ratio = (\S+)\s+\((\S+) / (\S+)\)", inter)
    check(nb, "intersection ratio printed", m is not None, inter)
    if m and rates:
        dpr = float(m.group(1))
        lo_g, hi_g = min(rates, key=rates.get), max(rates, key=rates.get)
        check(nb, "ratio = min/max of the group rates", close(dpr, rates[lo_g] / rates[hi_g], 2e-3))
        check(nb, "ratio names argmin / argmax", (m.group(2), m.group(3)) == (lo_g, hi_g), m.group(0))
        check(nb, "intersection ratio equals the JSON",
              close(dpr, printed.get("protected.sex&age_group.metrics.demographic_parity_ratio"), 1e-12))

    # Multi-valued: pooled vs between-groups, the between ratio is min/max and never above pooled.
    multi = nb.text("multi")
    mrates = {gname: float(r) for gname, r in re.findall(r"^(\S+)\s+n =\s+\d+\s+selection_rate = (\S+)$", multi, re.M)}
    pooled = re.search(r"disparate_impact \(pooled\) = (\S+)", multi)
    between = re.search(r"demographic_parity_ratio = (\S+)\s+\((\S+) / (\S+)\)", multi)
    check(nb, "multi-valued attribute has more than two groups", len(mrates) > 2, str(mrates))
    check(nb, "pooled and between-groups ratios printed", pooled and between, multi)
    if pooled and between and mrates:
        pv, bv = float(pooled.group(1)), float(between.group(1))
        check(nb, "claim: between-groups ratio <= pooled ratio", bv <= pv + 1e-12, "%s %s" % (bv, pv))
        lo_g, hi_g = min(mrates, key=mrates.get), max(mrates, key=mrates.get)
        check(nb, "between ratio = min/max of the printed rates", close(bv, mrates[lo_g] / mrates[hi_g], 2e-3))
        check(nb, "between ratio names argmin / argmax", (between.group(2), between.group(3)) == (lo_g, hi_g))
        if "White" in mrates:
            ga = golden("fairness/adult_audit.json")
            check(nb, "Adult has five race groups", len(mrates) == 5, str(mrates))
            if ga:
                check(nb, "Adult pooled disparate impact equals AIF360",
                      close(pv, ga["protected.race.metrics.disparate_impact"], 1e-9))
                check(nb, "Adult demographic parity ratio equals fairlearn",
                      close(bv, ga["protected.race.metrics.demographic_parity_ratio"], 1e-9))
    mtext = "".join(nb.data("multi-table", "text/plain"))
    check(nb, "claim: a cell ending with the result shows its plain-text tables",
          mtext.startswith("AuditResult: ") and re.search(r"^\w+ \(privileged: \w+\)$", mtext, re.M)
          and re.search(r"^\w+: comparisons$", mtext, re.M), mtext[:200])
    for gname, r in mrates.items():
        check(nb, "plain-text table has group %s with its selection rate" % gname,
              re.search(r"^  %s( \*)?\s+\d+\s+%.4f \[" % (re.escape(gname), r), mtext, re.M), gname)

    if german:
        check(nb, "claim: the documented command exits 3 (the policy is violated)", printed.get("policy.passed") == 0.0)
    # JSON: every printed headline metric; with the German data, equal to AIF360/fairlearn to 1e-9.
    keys = [k for k in printed if k.startswith("protected.")]
    check(nb, "JSON cell prints 17 headline metrics", len(keys) == 17, str(len(keys)))
    if g:
        for k in keys:
            check(nb, "%s equals the AIF360/fairlearn reference" % k, close(printed[k], g.get(k), 1e-9),
                  "%s vs %s" % (printed[k], g.get(k)))
    # The displayed table's selection rates agree with the group rates printed by the API.
    for cap, header, rows in tables:
        if cap.startswith("sex&age_group (") and rates:
            for r in rows:
                check(nb, "displayed selection rate of %s matches" % r[0],
                      close(leading_float(r[2]), rates.get(r[0]), 1e-4), "%s vs %s" % (r[2], rates.get(r[0])))

# ------------------------------------------------------------------ 02-reweighing-adult

def check_reweighing(nb):
    data = dotted_values(nb.text("data"))
    adult = "dataset = adult" in nb.text("data")
    if adult:
        # adult.data has 32,561 rows, adult.test 16,281; without '?' rows 30,162 and 15,060.
        check(nb, "Adult train/test rows without '?' rows", data.get("train.rows") == 30162 and data.get("test.rows") == 15060,
              str(data))

    # Recompute every cell weight from the printed cell counts: w = W_g W_l / (W W_gl).
    cells = [(g, int(l), int(n), float(w)) for g, l, n, w in
             re.findall(r"^\s+(\S+) label=(\d) rows=(\d+) weight=(\S+)$", nb.text("reweigh"), re.M)]
    check(nb, "reweighing prints four cells", len(cells) == 4, nb.text("reweigh"))
    total = sum(c[2] for c in cells)
    for g, l, n, w in cells:
        wg = sum(c[2] for c in cells if c[0] == g)
        wl = sum(c[2] for c in cells if c[1] == l)
        check(nb, "cell weight (%s, %d) = P(g)P(l)/P(g,l)" % (g, l), close(w, wg * wl / (total * n), 1e-12),
              "%s vs %s" % (w, wg * wl / (total * n)))
    check(nb, "cells cover every training row", total == data.get("train.rows"), "%s vs %s" % (total, data.get("train.rows")))

    # The claim of the parity cell: weighted favorable rate of each group = overall rate, total kept.
    par = dotted_values(nb.text("parity"))
    overall = par.get("train.base_rate.overall")
    weighted = {k: v for k, v in par.items() if k.startswith("train.weighted_base_rate.")}
    check(nb, "a weighted base rate per group", len(weighted) == 2, str(par))
    for k, v in weighted.items():
        check(nb, "%s equals the overall base rate" % k, close(v, overall, 1e-9), "%s vs %s" % (v, overall))
    check(nb, "total weight equals the row count", close(par.get("train.total_weight"), data.get("train.rows"), 1e-6))
    unweighted = [v for k, v in data.items() if k.startswith("train.base_rate.")]
    check(nb, "the labels had a gap before reweighing", len(unweighted) == 2 and abs(unweighted[0] - unweighted[1]) > 0.05,
          str(unweighted))

    num = dotted_values(nb.text("numbers"))
    if adult:
        check(nb, "claim: 31% of men and 11% of women have the favorable label",
              round(100 * data.get("train.base_rate.Male", 0)) == 31 and round(100 * data.get("train.base_rate.Female", 0)) == 11,
              str(data))
        check(nb, "claim: the baseline model widens the gap of the labels",
              num.get("baseline.disparate_impact", 1) < data["train.base_rate.Female"] / data["train.base_rate.Male"])
    groups = sorted({k.split(".")[-1] for k in num if ".selection_rate." in k})
    priv = "Male" if adult else "male"
    unpriv = [g for g in groups if g != priv]
    check(nb, "two sex groups", len(groups) == 2 and len(unpriv) == 1, str(groups))
    for model in ("baseline", "reweighed"):
        if len(unpriv) != 1:
            break
        u = unpriv[0]
        sel_u, sel_p = num["%s.selection_rate.%s" % (model, u)], num["%s.selection_rate.%s" % (model, priv)]
        tpr_u, tpr_p = num["%s.true_positive_rate.%s" % (model, u)], num["%s.true_positive_rate.%s" % (model, priv)]
        check(nb, "%s disparate impact = selection-rate ratio" % model, close(num[model + ".disparate_impact"], sel_u / sel_p, 1e-12))
        check(nb, "%s statistical parity difference = rate gap" % model,
              close(num[model + ".statistical_parity_difference"], sel_u - sel_p, 1e-12))
        check(nb, "%s equal opportunity difference = TPR gap" % model,
              close(num[model + ".equal_opportunity_difference"], tpr_u - tpr_p, 1e-12))
    # The side-by-side table shows the same numbers as the printed ones (rounded to 4 decimals).
    rows = {r[0]: r for t in html_tables("".join(nb.data("compare", "text/html"))) for r in t[2]}
    for m in ("accuracy", "roc_auc", "disparate_impact", "statistical_parity_difference", "equal_opportunity_difference"):
        r = rows.get(m)
        check(nb, "side-by-side table has %s" % m, r is not None, str(list(rows)))
        if r:
            b, a, d = float(r[1]), float(r[2]), float(r[3])
            check(nb, "table %s baseline matches" % m, close(b, num.get("baseline." + m), 5e-5))
            check(nb, "table %s reweighed matches" % m, close(a, num.get("reweighed." + m), 5e-5))
            check(nb, "table %s change = reweighed - baseline" % m, close(d, a - b, 2e-4))
    svg = "".join(nb.data("chart", "image/svg+xml"))
    check(nb, "chart displayed as SVG", svg.startswith("<svg"), svg[:80])
    check(nb, "chart draws 8 bars (2 rates x 2 groups x 2 models)", svg.count("id='reweighing-by-sex-mark-") == 8,
          str(svg.count("id='reweighing-by-sex-mark-")))

    # The prose's findings.
    di_b, di_a = num.get("baseline.disparate_impact"), num.get("reweighed.disparate_impact")
    check(nb, "claim: disparate impact moves toward 1", abs(di_a - 1) < abs(di_b - 1), "%s -> %s" % (di_b, di_a))
    acc_drop = num["baseline.accuracy"] - num["reweighed.accuracy"]
    auc_drop = num["baseline.roc_auc"] - num["reweighed.roc_auc"]
    if adult:
        check(nb, "claim: disparate impact from about 0.30 to about 0.60",
              0.25 <= di_b <= 0.35 and 0.55 <= di_a <= 0.65, "%s -> %s" % (di_b, di_a))
        check(nb, "claim: still short of the four-fifths rule", di_a < 0.8, str(di_a))
        check(nb, "claim: statistical parity difference shrinks to less than half",
              abs(num["reweighed.statistical_parity_difference"]) < abs(num["baseline.statistical_parity_difference"]) / 2)
        check(nb, "claim: accuracy drops by less than one point", 0 <= acc_drop < 0.01, str(acc_drop))
        check(nb, "claim: AUC drops about as much (under 1.5 points)", 0 <= auc_drop < 0.015, str(auc_drop))
        check(nb, "claim: equal opportunity difference changes sign",
              num["baseline.equal_opportunity_difference"] < 0 < num["reweighed.equal_opportunity_difference"])

# ------------------------------------------------------------------ 03-explaining-a-model

def check_explaining(nb):
    model = dotted_values(nb.text("model"))
    german = "dataset = german" in nb.text("model")
    if german:
        check(nb, "German: 20 features, 300 held-out rows", model.get("features") == 20 and model.get("test.rows") == 300,
              str(model))
    check(nb, "test accuracy is a proportion", 0.5 < model.get("test.accuracy", 0) <= 1, str(model))

    app = dotted_values(nb.text("applicant"))
    shap = dotted_values(nb.text("shap"))
    lime = dotted_values(nb.text("lime"))
    p = app.get("model.prediction")
    check(nb, "claim: the applicant is refused (score < 0.5)", p is not None and p < 0.5, str(app))
    check(nb, "SHAP explains the model's prediction", close(shap.get("shap.prediction"), p, 1e-12))
    check(nb, "LIME explains the model's prediction", close(lime.get("lime.model_prediction"), p, 1e-12))
    # Efficiency: the values add up to f(x) - E[f].
    check(nb, "claim: SHAP values add up to f(x) - E[f]",
          close(shap.get("shap.sum_of_values"), shap.get("shap.prediction", 0) - shap.get("shap.base_value", 0), 1e-9),
          str(shap))
    check(nb, "efficiency residual reported below 1e-9", abs(shap.get("shap.efficiency_residual", 1)) <= 1e-9)
    check(nb, "claim: M = 20 is sampled, not enumerated", shap.get("shap.exact") == 0.0 or not german)
    cost = re.search(r"cost: ([\d,]+) model rows \(1 instances x \(([\d,]+) coalitions x 50 background rows \+ 1\)\)",
                     nb.text("shap"))
    check(nb, "cost printed before running", cost is not None, nb.text("shap"))
    if cost and german:
        coal = int(cost.group(2).replace(",", ""))
        check(nb, "default budget 2M + 2048 coalitions", coal == 2 * 20 + 2048, str(coal))
        check(nb, "cost = coalitions x background + 1", int(cost.group(1).replace(",", "")) == coal * 50 + 1)

    # Charts are SVG with drawn marks.
    for cid, chart_id in (("waterfall", "shap-waterfall"), ("lime", "lime-bars"), ("global", "shap-importance")):
        svg = "".join(nb.data(cid, "image/svg+xml"))
        check(nb, "%s chart displayed as SVG" % chart_id, svg.startswith("<svg") and ("id='%s'" % chart_id) in svg)
        check(nb, "%s chart draws marks" % chart_id, svg.count("id='%s-mark-" % chart_id) >= 5,
              str(svg.count("id='%s-mark-" % chart_id)))

    # The printed top five are in decreasing |value| order.
    for prefix, cid in (("shap", "waterfall"), ("lime", "lime")):
        vals = [float(v) for v in re.findall(r"^%s .*?([+-]\d+\.\d+)$" % prefix, nb.text(cid), re.M)]
        check(nb, "%s top five printed" % prefix, len(vals) == 5, str(vals))
        check(nb, "%s top five by decreasing |value|" % prefix, all(abs(vals[i]) >= abs(vals[i + 1]) for i in range(len(vals) - 1)),
              str(vals))
    check(nb, "LIME score is a weighted R^2 in [0, 1]", 0 <= lime.get("lime.score", -1) <= 1)

    agree = nb.text("agree")
    tops = dict(re.findall(r"^top5\.(shap|lime) = \[(.*)\]$", agree, re.M))
    ov = re.search(r"top5\.overlap = (\d+)", agree)
    check(nb, "top-five lists and overlap printed", len(tops) == 2 and ov, agree)
    if len(tops) == 2 and ov:
        s1, s2 = set(tops["shap"].split(", ")), set(tops["lime"].split(", "))
        check(nb, "overlap recomputed", len(s1 & s2) == int(ov.group(1)))
        check(nb, "claim: SHAP and LIME largely agree (3 of 5 or more)", int(ov.group(1)) >= 3, agree)

    st = dotted_values(nb.text("stability"))
    check(nb, "claim: the same seed gives the same explanation", st.get("lime.same_seed_same_explanation") == 1.0)
    check(nb, "stability over 10 runs", st.get("lime.stability.runs") == 10)
    check(nb, "Jaccard similarity in [0, 1]", 0 <= st.get("lime.stability.mean_top5_jaccard", -1) <= 1)
    srows = [r for t in html_tables("".join(nb.data("stability", "text/html"))) for r in t[2]]
    check(nb, "stability table lists every feature", len(srows) == model.get("features"), str(len(srows)))
    check(nb, "stability table by decreasing |mean weight|",
          all(abs(float(srows[i][1])) >= abs(float(srows[i + 1][1])) for i in range(len(srows) - 1)))
    jac = re.search(r"mean top-5 Jaccard (\S+),", "".join(nb.data("stability", "text/html")))
    check(nb, "stability caption shows the printed Jaccard",
          jac and close(float(jac.group(1)), st.get("lime.stability.mean_top5_jaccard"), 5e-5))
    for r in srows:
        freq = float(r[3].rstrip("%"))
        check(nb, "top-5 frequency of %s is a multiple of 10%% over 10 runs" % r[0], 0 <= freq <= 100 and freq % 10 == 0, r[3])

    summ = re.search(r"ShapExplanations: (\d+) rows x (\d+) players, base value (\S+), max \|efficiency residual\| (\S+), "
                     r"(\d+) exact\n  mean \|SHAP\|: (\S+) ", nb.text("global"))
    check(nb, "batch summary printed", summ is not None, nb.text("global")[:300])
    irows = [r for t in html_tables("".join(nb.data("global", "text/html"))) for r in t[2]]
    if summ:
        check(nb, "batch of 120 rows over every feature", int(summ.group(1)) == 120 and int(summ.group(2)) == model.get("features"))
        check(nb, "batch base value is the single explanation's", close(float(summ.group(3)), shap.get("shap.base_value"), 5e-5))
        check(nb, "claim: efficiency holds for every explained row", float(summ.group(4)) <= 1e-9, summ.group(4))
        check(nb, "batch summary and importance table agree on the top feature", irows and summ.group(6) == irows[0][0])
    check(nb, "global importance table lists every feature", len(irows) == model.get("features"), str(len(irows)))
    means = [float(r[1]) for r in irows]
    check(nb, "global importances in decreasing order", all(means[i] >= means[i + 1] for i in range(len(means) - 1)))
    for r in irows:
        lo, hi = (float(v) for v in r[2].strip("[]").split(", "))
        check(nb, "importance interval of %s is ordered and non-negative" % r[0], 0 <= lo <= hi, r[2])
    iplain = "".join(nb.data("global", "text/plain"))
    check(nb, "plain-text importance table names the top feature first",
          irows and re.search(r"^  %s\s" % re.escape(irows[0][0]), iplain.split("\n", 2)[1] if iplain.count("\n") > 1 else ""),
          iplain[:200])

    grows = [r for t in html_tables("".join(nb.data("bygroup", "text/html"))) for r in t[2]]
    check(nb, "by-group table has six features", len(grows) == 6, str(len(grows)))
    for r in grows:
        check(nb, "by-group difference of %s = male - female" % r[0], close(float(r[3]), float(r[1]) - float(r[2]), 2e-4), str(r))
    check(nb, "by-group rows by decreasing |difference|",
          all(abs(float(grows[i][3])) >= abs(float(grows[i + 1][3])) for i in range(len(grows) - 1)))
    ident = dotted_values(nb.text("identity"))
    check(nb, "claim: the prediction gap splits exactly into per-feature SHAP gaps",
          close(ident.get("mean_prediction_gap"), ident.get("sum_of_shap_gaps"), 1e-9), str(ident))
    check(nb, "every explained row is in a group", ident.get("rows.male", 0) + ident.get("rows.female", 0) == 120)
    largest = re.search(r"largest_share = (\S+)", nb.text("identity"))
    check(nb, "largest share is the first table row", largest and grows and grows[0][0] == largest.group(1))
    if german and largest:
        check(nb, "claim: personal_status carries the largest share of the gap", largest.group(1) == "personal_status",
              largest.group(1))

# ------------------------------------------------------------------ 04-full-report

REPORT_SECTIONS = ("summary", "data", "performance", "fairness", "mitigation", "explanations", "methods")


def check_report(nb):
    html = "".join(nb.data("report", "text/html"))
    plain = "".join(nb.data("report", "text/plain"))
    check(nb, "report displayed inline as HTML", len(html) > 10000, str(len(html)))
    sections = re.findall(r'<section id="(\w+)"', html)
    check(nb, "claim: the report has its seven sections in order", tuple(sections) == REPORT_SECTIONS, str(sections))
    check(nb, "claim: no scripts", "<script" not in html.lower())
    check(nb, "claim: no network fetches", not re.search(r'(src|href)\s*=\s*["\']https?:', html) and "@import" not in html)
    check(nb, "charts are inline SVG", html.count("<svg") >= 10, str(html.count("<svg")))
    check(nb, "plain-text fallback is the summary", plain.startswith("Candor fairness report"), plain[:80])

    j = dotted_values(nb.text("json"))
    verdicts = {k.split(".")[1]: v for k, v in j.items() if k.startswith("verdict.")}
    check(nb, "a verdict per protected attribute", len(verdicts) >= 1, str(j))
    check(nb, "claim: policy fails exactly when some attribute fails",
          j.get("summary.passed") == (1.0 if all(v == 1.0 for v in verdicts.values()) else 0.0), str(verdicts))
    check(nb, "report.passed() equals the JSON", j.get("report.passed") == j.get("summary.passed"))
    for attr, v in verdicts.items():
        word = "pass" if v == 1.0 else "FAIL"
        check(nb, "text summary says %s for %s" % (word, attr), re.search(r"^\s+%s %s:" % (word, re.escape(attr)), plain, re.M),
              plain)
    # Every JSON number read in the notebook is shown in the page (rounded to 4 decimals), and each
    # policy badge agrees with the value and the bounds shown beside it.
    for k, v in j.items():
        if k.startswith("fairness."):
            _, attr, key = k.split(".", 2)
            shown = "%.4f" % v
            check(nb, "page shows %s = %s" % (k, shown),
                  re.search(r'mono">%s</small></td>\s*<td class="num">%s</td>' % (re.escape(key), re.escape(shown)), html),
                  shown)
    badges = 0
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        if "badge" not in row or 'class="reason mono"' not in row:
            continue
        cells = [htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        badge = re.search(r'class="badge (pass|fail)"', row)
        v, lo, hi = leading_float(cells[1]), leading_float(cells[-3]), leading_float(cells[-2])
        if v is None or badge is None or (lo is None and hi is None):
            continue
        within = (lo is None or v >= lo) and (hi is None or v <= hi)
        badges += 1
        check(nb, "policy badge of '%s' agrees with %s in [%s, %s]" % (cells[0], v, lo, hi), within == (badge.group(1) == "pass"))
    check(nb, "policy rows with badges in the fairness section", badges >= 3, str(badges))
    mit = {k: v for k, v in j.items() if k.startswith("mitigation.")}
    check(nb, "mitigation before/after in the JSON", "mitigation.accuracy.before" in mit and "mitigation.accuracy.after" in mit)
    check(nb, "claim: 40 explained rows", j.get("explanations.explained_rows") == 40, str(j.get("explanations.explained_rows")))
    check(nb, "claim: the same seed gives the same report", dotted_values(nb.text("again")).get("same_json_apart_from_created_at") == 1.0)

    files = dotted_values(nb.text("files"))
    check(nb, "the written page is the displayed page (same size in bytes)", files.get("html.bytes") == len(html.encode("utf-8")),
          "%s vs %s" % (files.get("html.bytes"), len(html.encode("utf-8"))))
    check(nb, "the written page has no script", files.get("html.has_script") == 0.0)
    check(nb, "the written page has the displayed charts", files.get("html.inline_svg_charts") == html.count("<svg"))

    # 5. the regressor: the difference is the largest group MAE minus the smallest, and every group's
    # bootstrap interval contains its value; the page shows the errors and residuals by group.
    r = dotted_values(nb.text("regression"))
    check(nb, "regression overall MAE printed", r.get("regression.overall.mean_absolute_error", 0) > 0, str(r))
    attrs = {k.split(".")[1] for k in r if k.endswith(".mean_absolute_error_difference")}
    check(nb, "a regression difference per protected attribute", len(attrs) >= 1, str(r))
    for attr in attrs:
        maes = [v for k, v in r.items() if k.startswith("regression.%s." % attr) and k.endswith(".mean_absolute_error")]
        check(nb, "claim: %s difference is the largest group MAE minus the smallest" % attr,
              close(r["regression.%s.mean_absolute_error_difference" % attr], max(maes) - min(maes), 1e-9), str(maes))
        for k, v in r.items():
            if k.startswith("regression.%s." % attr) and k.endswith(".mean_absolute_error"):
                base = k[: -len(".mean_absolute_error")]
                check(nb, "claim: the interval of %s contains its value" % base,
                      r.get(base + ".ci_lower", 1e300) <= v <= r.get(base + ".ci_upper", -1e300), str(r))
    page = "".join(nb.data("regression-page", "text/html"))
    check(nb, "claim: the regression page shows errors by group",
          re.findall(r'<section id="(\w+)"', page) == ["summary", "regression", "explanations", "methods"],
          str(re.findall(r'<section id="(\w+)"', page)))
    check(nb, "claim: residual plots for every protected attribute",
          all('id="fig-residuals-%d"' % i in page and 'id="fig-residual-distribution-%d"' % i in page
              for i in range(len(attrs))), str(len(attrs)))


# ------------------------------------------------------------------ 05-monitoring-bank


def check_monitoring(nb):
    data = dotted_values(nb.text("data"))
    bank = "dataset = bank" in nb.text("data")
    ref = golden("monitoring/bank_monitoring.json") if bank else None
    mon = dotted_values(nb.text("monitor"))
    n = int(mon.get("windows", 0))
    check(nb, "windows were monitored", n >= 2, str(mon))
    table = html_tables("".join(nb.data("monitor", "text/html")))
    check(nb, "claim: the result shows itself as a table with one row per window",
          len(table) >= 1 and len(table[0][2]) == n, str([len(t[2]) for t in table]))
    check(nb, "the plain-text fallback is the result's table",
          "".join(nb.data("monitor", "text/plain")).startswith("MonitoringResult: model"))
    alert_rows = len(table[1][2]) if len(table) > 1 else 0
    check(nb, "one alert table row per alert", alert_rows == mon.get("alerts"), "%s vs %s" % (alert_rows, mon.get("alerts")))
    alerts = dotted_values(nb.text("alerts"))
    check(nb, "alerts by rule add up to the alert count",
          sum(v for k, v in alerts.items() if k.startswith("alerts.")) == mon.get("alerts"), str(alerts))

    drift = dotted_values(nb.text("drift"))
    heat = "".join(nb.data("drift", "text/html"))
    check(nb, "claim: the heat map is displayed inline", "<svg" in heat and "drift-heatmap" in heat)
    features = 15 if bank else 9
    check(nb, "the heat map has a cell per feature and window", drift.get("heatmap.cells") == features * n,
          str(drift.get("heatmap.cells")))
    drifted = sum(drift.get("window.%d.drifted" % i, 0) for i in range(n))
    check(nb, "the heat map caption counts the drifted cells", "(%d of %d)" % (drifted, features * n) in heat)

    cbpe = dotted_values(nb.text("cbpe"))
    check(nb, "claim: realized and estimated accuracy on one chart",
          "realized" in "".join(nb.data("cbpe", "text/html")) and "estimated (CBPE)" in "".join(nb.data("cbpe", "text/html")))
    shift_line = re.search(r"^concept_shift.accuracy = (.*)$", nb.text("cbpe"), re.M)
    shift = shift_line.group(1).split() if shift_line else []
    fair = dotted_values(nb.text("fair"))
    check(nb, "fairness over time charts displayed", fair.get("fairness.charts", 0) >= 2 and
          len(nb.data("fair", "text/html")) == fair.get("fairness.charts"), str(fair))
    for i in range(n):
        lo, hi = fair.get("window.%d.disparate_impact.lower" % i), fair.get("window.%d.disparate_impact.upper" % i)
        if lo is not None and hi is not None and not math.isnan(lo):
            check(nb, "window %d: the interval is ordered" % i, lo <= hi, "%s %s" % (lo, hi))
    rep = dotted_values(nb.text("report"))
    check(nb, "claim: the written report has no script", rep.get("html.has_script") == 0.0)
    check(nb, "claim: the report holds every chart inline", rep.get("html.inline_svg_charts") == rep.get("html.charts")
          and rep.get("html.charts", 0) >= 15, str(rep))
    if ref is None:
        return
    gw = ref["windows"]
    check(nb, "the golden windows", n == len(gw), "%d vs %d" % (n, len(gw)))
    check(nb, "reference is rows 0..9999", data.get("reference.rows") == 10000)
    for i, w in enumerate(gw[:n]):
        check(nb, "window %d: drifted features as the golden file" % i,
              drift.get("window.%d.drifted" % i) == w["dataset_drift"]["number_of_drifted_columns"])
        check(nb, "window %d: accuracy as scikit-learn" % i,
              close(cbpe.get("window.%d.accuracy" % i), w["performance"]["accuracy"], 1e-9))
        check(nb, "window %d: CBPE accuracy within 0.02 of NannyML's" % i,
              close(cbpe.get("window.%d.estimated_accuracy" % i), w["cbpe"]["estimated"]["accuracy"], 0.02))
        check(nb, "window %d: accuracy alert as the golden file" % i,
              cbpe.get("window.%d.accuracy_alert" % i) == (1.0 if w["threshold_alerts"]["accuracy"]["alert"] else 0.0))
        check(nb, "window %d: disparate impact as AIF360" % i,
              close(fair.get("window.%d.disparate_impact" % i), w["fairness"]["age_group"]["aif360"]["disparate_impact"], 1e-9))
    expected = [w["key"] for w in gw if w["threshold_alerts"]["accuracy"]["alert"] and not w["cbpe"]["alert"]["accuracy"]]
    check(nb, "concept-shift windows are the golden realized alerts CBPE misses", shift == expected, "%s vs %s" % (shift, expected))
    # The prose: the last two windows, realized about 0.54 while the estimate stays near 0.85.
    check(nb, "claim: concept shift in the last two windows", shift == [gw[-2]["key"], gw[-1]["key"]], str(shift))
    for i in (n - 2, n - 1):
        check(nb, "claim: window %d realized accuracy about 0.54" % i, close(cbpe.get("window.%d.accuracy" % i), 0.54, 0.01))
        check(nb, "claim: window %d estimate stays high and inside its band" % i,
              cbpe.get("window.%d.estimated_accuracy" % i, 0) > 0.8 and cbpe.get("window.%d.estimated_accuracy_alert" % i) == 0.0)
    check(nb, "claim: accuracy was 0.84 just before", close(cbpe.get("window.%d.accuracy" % (n - 3)), 0.84, 0.01))
    young = [w["fairness"]["age_group"]["groups"]["lt25"]["n"] for w in gw[:4]]
    check(nb, "claim: 20, 2, 3 and 9 young clients in the first windows", young == [20, 2, 3, 9], str(young))
    rates = [w["label_drift"]["current_rate"] for w in gw]
    check(nb, "claim: the subscription rate reaches almost one half", max(rates) > 0.45 and ref["windows"][0]["label_drift"]["reference_rate"] < 0.036,
          str(rates))
    check(nb, "claim: the report names the concept shift", rep.get("html.names_concept_shift") == 1.0)


CHECKS = {
    "01-audit-predictions.ipynb": check_audit,
    "02-reweighing-adult.ipynb": check_reweighing,
    "03-explaining-a-model.ipynb": check_explaining,
    "04-full-report.ipynb": check_report,
    "05-monitoring-bank.ipynb": check_monitoring,
}


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: check_notebooks.py DIR-OF-EXECUTED-NOTEBOOKS", file=sys.stderr)
        return 2
    paths = sorted(glob.glob(os.path.join(argv[1], "[0-9]*.ipynb")))
    if not paths:
        print("check_notebooks.py: no notebooks in %s" % argv[1], file=sys.stderr)
        return 1
    for path in paths:
        nb = Notebook(path)
        for c in nb.nb["cells"]:
            for o in c.get("outputs", []):
                if o["output_type"] == "error":
                    check(nb, "cell %s raised %s" % (c.get("id"), o.get("ename")), False, o.get("evalue", ""))
        fn = CHECKS.get(nb.name)
        if fn is None:
            check(nb, "has a check function in check_notebooks.py", False)
            continue
        before = len(FAILURES)
        try:
            fn(nb)
        except Exception as e:  # a missing cell or an unparsable output is a failure, not a crash
            check(nb, "checker raised %s" % type(e).__name__, False, str(e))
        print("%s: %s" % (nb.name, "ok" if len(FAILURES) == before else "%d failed" % (len(FAILURES) - before)))
    for f in FAILURES:
        print("FAILED " + f, file=sys.stderr)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
