#!/usr/bin/env python3
"""Two halves of the streaming-audit benchmark (benchmarks/audit_stream.sh).

  generate ROWS FILE   writes a seeded prediction log with columns y, prediction, score, sex, race
                       (score with four decimals, as prediction logs usually store it)
  audit FILE           the pandas equivalent of `candor audit --protected sex,race --score score`:
                       read_csv of the five columns, then per group of sex, race and sex&race the
                       confusion counts, selection rate, TPR, FPR, precision, and the statistical
                       parity / equal opportunity / average odds gaps against the largest group
Needs pandas (Debian's /usr/bin/python3 has pandas 1.5.3).
"""
import sys

import numpy as np
import pandas as pd


def generate(rows, path, seed=20260522):
    rng = np.random.default_rng(seed)
    chunk = 1_000_000
    sexes = np.array(["female", "male"])
    races = np.array(["White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other"])
    with open(path, "w") as f:
        f.write("y,prediction,score,sex,race\n")
        done = 0
        while done < rows:
            n = min(chunk, rows - done)
            sex = (rng.random(n) < 0.67).astype(np.int64)
            race = np.searchsorted(np.cumsum([0.6, 0.2, 0.1, 0.07, 0.03]), rng.random(n)).clip(0, 4)
            y = (rng.random(n) < 0.25 + 0.05 * sex).astype(np.int64)
            score = np.clip(0.3 * y + 0.1 * sex + 0.02 * race + rng.random(n) * 0.6, 0, 1)
            pred = (score > 0.5).astype(np.int64)
            df = pd.DataFrame({"y": y, "prediction": pred, "score": score,
                               "sex": sexes[sex], "race": races[race]})
            df.to_csv(f, header=False, index=False, float_format="%.4f")
            done += n


def audit(path):
    df = pd.read_csv(path, usecols=["y", "prediction", "score", "sex", "race"],
                     dtype={"y": np.int8, "prediction": np.int8, "score": np.float64,
                            "sex": "category", "race": "category"})
    df["tp"] = (df.y == 1) & (df.prediction == 1)
    df["fp"] = (df.y == 0) & (df.prediction == 1)
    df["tn"] = (df.y == 0) & (df.prediction == 0)
    df["fn"] = (df.y == 1) & (df.prediction == 0)
    out = {}
    for key in (["sex"], ["race"], ["sex", "race"]):
        g = df.groupby(key, observed=True)[["tp", "fp", "tn", "fn"]].sum()
        n = g.sum(axis=1)
        rates = pd.DataFrame({
            "selection_rate": (g.tp + g.fp) / n,
            "true_positive_rate": g.tp / (g.tp + g.fn),
            "false_positive_rate": g.fp / (g.fp + g.tn),
            "precision": g.tp / (g.tp + g.fp),
        })
        ref = n.idxmax()
        out["&".join(key)] = {
            "groups": len(g),
            "statistical_parity_difference": (rates.selection_rate - rates.selection_rate[ref]).abs().max(),
            "equal_opportunity_difference": (rates.true_positive_rate - rates.true_positive_rate[ref]).abs().max(),
            "average_odds_difference": ((rates.true_positive_rate - rates.true_positive_rate[ref]).abs()
                                        + (rates.false_positive_rate - rates.false_positive_rate[ref]).abs()).max() / 2,
        }
    print(len(df), "rows;", out)


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), sys.argv[3])
    else:
        audit(sys.argv[2])
