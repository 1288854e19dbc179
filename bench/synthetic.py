"""Synthetic stored articles for the benchmarks: Chinese text with a realistic mix of words.

Common words (甘肃, 兰州) are in nearly every article, topics (乡村振兴, 地震) in about
one in seven, as in a news site's archive. Each article carries both panels.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from gansureader.model import ArticlePage, Channel, Paragraph, RankItem, Recommendation, Run
from gansureader.parse.dates import BEIJING
from gansureader.store import Store

COMMON = "甘肃 兰州 经济 文化 发展 推进 工作 群众 建设 项目 企业 服务".split()
PLACES = "天水 酒泉 张掖 武威 定西 陇南 平凉 庆阳 白银 金昌 嘉峪关 临夏 甘南".split()
TOPICS = (
    "乡村振兴 黄河流域 营商环境 文旅融合 生态保护 高质量发展 新能源 数字经济 "
    "基层治理 非遗传承 地震 教育 医疗 交通 农业 旅游"
).split()
FILLER = "会议 部署 要求 全面 加强 提升 保障 创新 实施 落实 持续 稳步 有效 重点 积极".split()
CHANNEL = Channel("本网原创", "http://gansu.gscn.com.cn/gsyw/", "甘肃新闻")


def articles(count: int, seed: int = 1) -> Iterator[ArticlePage]:
    rng = random.Random(seed)

    def sentence() -> str:
        words = [
            rng.choice(COMMON),
            rng.choice(FILLER),
            rng.choice(PLACES) if rng.random() < 0.5 else rng.choice(FILLER),
            rng.choice(TOPICS) if rng.random() < 0.15 else rng.choice(FILLER),
            rng.choice(FILLER),
            rng.choice(COMMON),
        ]
        return "".join(words) + rng.choice("，。")

    def url(n: int) -> str:
        return f"http://gansu.gscn.com.cn/system/2024/01/01/0{n:08d}.shtml"

    start = datetime(2020, 1, 1, tzinfo=BEIJING)
    for n in range(count):
        yield ArticlePage(
            url=url(n),
            title=rng.choice(PLACES) + rng.choice(TOPICS) + rng.choice(FILLER) + rng.choice(FILLER),
            published_at=start + timedelta(minutes=30 * n),
            source="中国甘肃网",
            editor="编辑",
            breadcrumb=("中国甘肃网", "甘肃新闻", "本网原创"),
            body=tuple(Paragraph((Run("".join(sentence() for _ in range(6))),)) for _ in range(5)),
            recommendations=tuple(
                Recommendation(f"推荐文章{k}", url((n + k) % count), None) for k in range(1, 7)
            ),
            ranking=tuple(
                RankItem(k, f"排行文章{k}", url((n // 100 + k) % count)) for k in range(1, 11)
            ),
        )


def fill(folder: Path, count: int) -> None:
    """A cache of ``count`` synthetic articles in ``folder``."""
    with Store(folder) as store:
        for article in articles(count):
            store.save_article(article, channels=[CHANNEL], validators={})
