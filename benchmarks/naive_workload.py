"""A deliberately naive Workload page, for the benchmark's baseline only: pandas reads the CSVs on
every rerun, nothing is cached, Plotly Express with its default template. Not part of the product."""

import json

import pandas as pd
import plotly.express as px
import streamlit as st

from warddash import DATA_DIR

wards = pd.read_csv(DATA_DIR / "pilot_wards_2021.csv", dtype=str)
wards["population_2019"] = wards.population_2019.astype(float)
standards = pd.read_csv(DATA_DIR / "standards.csv")
units = pd.read_csv(DATA_DIR / "units_2025_07.csv", dtype={"unit_code": str})
geo = json.loads((DATA_DIR / "units_2025_07.geojson").read_text(encoding="utf-8"))
std = standards.set_index("standard_id").min_value
wards["standard"] = wards.district_type.map(
    {"quận": std["pop_phuong_quan_1211"], "thị xã": std["pop_phuong_thi_xa_1211"]}
)
wards["ratio"] = wards.population_2019 / wards.standard
district = st.sidebar.selectbox("district", ["(all)"] + sorted(wards.district_name.unique()))
if district != "(all)":
    wards = wards[wards.district_name == district]
st.title("Workload (naive)")
st.plotly_chart(px.histogram(wards, x="population_2019", nbins=16))
st.plotly_chart(px.bar(wards.nlargest(15, "population_2019"), x="population_2019", y="ward_name", orientation="h"))
st.plotly_chart(px.box(wards, x="district_name", y="population_2019", points="all"))
st.dataframe(wards.groupby("district_name").population_2019.agg(["count", "sum", "mean", "median", "max"]))
st.plotly_chart(px.treemap(wards, path=["district_name", "ward_name"], values="population_2019", color="ratio"))
units["ratio"] = units.population / 45000
st.plotly_chart(
    px.choropleth_map(
        units,
        geojson=geo,
        featureidkey="properties.ma_xa",
        locations="unit_code",
        color="ratio",
        zoom=8,
        center={"lat": 21.0, "lon": 105.75},
    )
)
