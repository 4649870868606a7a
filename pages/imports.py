"""Nhập số liệu / Import: a district's own per-ward figures, validated first, landed all or nothing."""

import streamlit as st

from warddash import importer
from warddash.ui import dry_run, footer, frame, localise_uploader, md_text, q, table


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
    summary, problems = dry_run(content, upload.name)
    if problems:
        st.error(ctx.t("import_refused", n=len(problems)), icon=":material/block:")
        st.markdown("\n".join(f"- {md_text(p.message(lang))}" for p in problems))  # the file's text as text
    else:
        st.success(
            ctx.t("import_ready", n=summary["rows"], s=md_text(summary["source_title"])), icon=":material/task_alt:"
        )
        if st.button(ctx.t("import_do"), type="primary", icon=":material/upload:"):
            try:
                done = importer.import_file(content, upload.name)
            except importer.ImportFailed as exc:  # a full disk: nothing changed, and the message says why
                st.error(md_text(exc.message(lang)))
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
    # chosen by its id, never by position: the widget's key changes with the list, so a page left open
    # while someone else removed an import cannot point at a different one; removal asks to be confirmed
    ids = list(landed.import_id)
    chosen = st.selectbox(
        ctx.t("import_pick"), ids, index=None, placeholder=ctx.t("import_pick"), key=f"remove_id_{hash(tuple(ids))}"
    )
    sure = st.checkbox(ctx.t("import_confirm", i=chosen or "—"), key=f"remove_sure_{chosen}", disabled=not chosen)
    if st.button(ctx.t("import_remove"), icon=":material/delete:", disabled=not (chosen and sure)):
        try:
            importer.remove_import(chosen)
        except KeyError:
            st.warning(ctx.t("import_gone", i=chosen))
        else:
            st.rerun()
    table(q("imported_ward_figures", topics=[], districts=[]), ctx)
undo = importer.removed_imports()  # a removal can be undone until the next import
if undo and st.button(ctx.t("import_undo", i=undo[0]), icon=":material/undo:"):
    try:
        importer.restore_import(undo[0])
    except KeyError:
        st.warning(ctx.t("import_gone", i=undo[0]))
    else:
        st.rerun()
footer(ctx)
