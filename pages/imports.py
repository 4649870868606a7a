"""Nhập số liệu / Import: a district's own per-ward figures, validated first, landed all or nothing."""

import streamlit as st

from warddash import importer
from warddash.ui import footer, frame, localise_uploader, md_text, q, table


@st.cache_data
def template(fmt: str) -> bytes:
    return importer.template(fmt)


ctx = frame("imports", district_filter=False)
lang = ctx.lang
st.title(ctx.t("nav_imports"))
st.write(ctx.t("imports_intro"))

c1, c2 = st.columns(2)
c1.download_button(
    ctx.t("template_csv"), template("csv"), file_name="mau_nhap_lieu.csv", mime="text/csv", icon=":material/download:"
)
c2.download_button(
    ctx.t("template_xlsx"),
    template("xlsx"),
    file_name="mau_nhap_lieu.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
)

# the uploader states the importer's own limit (in whole megabytes, rounded up), not the server's
localise_uploader(lang, max(1, -(-importer.MAX_BYTES // 1_000_000)))
upload = st.file_uploader(
    ctx.t("upload"),
    type=["csv", "xlsx"],
    key="upload",
    max_upload_size=max(1, -(-importer.MAX_BYTES // 1_000_000)),
)
if upload is not None:
    content = upload.getvalue()
    try:
        summary = importer.import_file(content, upload.name, dry_run=True)
    except importer.ImportRejected as exc:
        st.error(ctx.t("import_refused", n=len(exc.problems)), icon=":material/block:")
        st.markdown("\n".join(f"- {md_text(p.message(lang))}" for p in exc.problems))  # the file's text as text
    else:
        st.success(
            ctx.t("import_ready", n=summary["rows"], s=md_text(summary["source_title"])), icon=":material/task_alt:"
        )
        if st.button(ctx.t("import_do"), type="primary", icon=":material/upload:"):
            try:
                done = importer.import_file(content, upload.name)
            except (importer.ImportRejected, Exception) as exc:  # the files and database are as they were
                st.error(ctx.t("import_failed", e=md_text(str(exc)[:300])))
            else:
                st.success(ctx.t("import_done", i=done["import_id"], n=done["rows"]))

st.subheader(ctx.t("imports_list"))
landed = importer.list_imports()
if landed.empty:
    st.caption(ctx.t("no_imports"))
else:
    table(landed.drop(columns=["sha256"]), ctx)
    chosen = st.selectbox(ctx.t("import_pick"), list(landed.import_id), key="remove_id")
    if st.button(ctx.t("import_remove"), icon=":material/delete:"):
        importer.remove_import(chosen)
        st.rerun()
    table(q("imported_ward_figures", topics=[], districts=[]), ctx)
footer(ctx)
