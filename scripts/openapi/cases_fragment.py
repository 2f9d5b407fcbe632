#!/usr/bin/env python3
"""Writes src/cases/openapi.json and src/messages/openapi.json.

The action routes are one per row of the lifecycle table (src/cases/lifecycle.cpp); listing them
here by hand would drift, so this script keeps the table's rows and the documents' shapes in one
place. Run it after changing the table; the unit test comparing routes and document catches a miss.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
P = {"$ref": "#/components/responses/Problem"}

# (action, permission, zh, en) as in lifecycle.cpp
ACTIONS = [
    ("submit", "cases.case.apply", "提交申请（补正后重新提交）", "Submit (or resubmit after a supplement)"),
    ("accept", "cases.case.accept", "受理", "Accept"),
    ("accept-with-deficiency", "cases.case.accept", "容缺受理", "Accept with deficiency"),
    ("request-supplement", "cases.case.request_material", "一次性告知补正", "Request a supplement, listing everything at once"),
    ("propose-rejection", "cases.case.reject", "窗口提出不予受理", "A window proposes a refusal"),
    ("confirm-rejection", "cases.case.confirm_refusal", "大厅负责人确认不予受理", "The hall supervisor confirms a refusal"),
    ("overturn-rejection", "cases.case.confirm_refusal", "驳回不予受理意见", "The hall supervisor overturns a refusal"),
    ("forward", "cases.case.review", "提交下一环节", "Forward to the next step"),
    ("return", "cases.case.review", "退回上一环节", "Return to the previous step"),
    ("suspend", "cases.case.suspend", "中止计时（行政许可法第四十五条）", "Suspend the clock (art. 45)"),
    ("resume", "cases.case.suspend", "恢复计时", "Resume the clock"),
    ("request-extension", "cases.case.review", "申请延期", "Request an extension"),
    ("approve-extension", "cases.case.extend", "批准延期（+10 个工作日）", "Approve the extension (+10 working days)"),
    ("approve", "cases.case.approve", "准予许可", "Approve"),
    ("deny", "cases.case.approve", "不予许可", "Deny"),
    ("issue", "cases.case.issue", "出件送达", "Issue and deliver"),
    ("complete", "cases.case.read", "办结（确认收件）", "Complete (receipt confirmed)"),
    ("withdraw", "cases.case.apply", "撤回申请", "Withdraw"),
    ("terminate", "cases.case.terminate", "终止办理", "Terminate"),
]


def op(tag, op_id, summary, permission, ok, body=None, errors=(400, 401, 403, 404, 409, 422), public=False):
    o = {"tags": [tag], "summary": summary, "operationId": op_id, "responses": {}}
    if not public:
        o["x-permission"] = permission
    if body is not None:
        o["requestBody"] = body
    o["responses"].update(ok)
    for code in errors:
        if public and code in (401, 403):
            continue
        o["responses"][str(code)] = P
    return o


def json_body(schema_ref):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


def ok(description, schema=None, media="application/json", status="200"):
    if schema is None:
        return {status: {"description": description}}
    return {status: {"description": description, "content": {media: {"schema": schema}}}}


DETAIL = {"$ref": "#/components/schemas/CaseDetail"}
obj = {"type": "object"}
binary = {"type": "string", "format": "binary"}
raw = {"required": True, "content": {"application/octet-stream": {"schema": binary}}}

cases_paths = {
    "/api/v1/cases": {
        "post": op("cases", "createCase", "新建办件（草稿，或 submit=true 直接提交） / Create a case (draft, or submitted)",
                   "cases.case.apply", ok("The case", DETAIL, status="201"), json_body("#/components/schemas/NewCase")),
        "get": op("cases", "listCases", "办件列表（mine/queue/inbox/all） / Cases: mine, the hall's queue, my inbox, all in scope",
                  "cases.case.read", ok("A page of cases", {"$ref": "#/components/schemas/Page"}), errors=(400, 401, 403)),
    },
    "/api/v1/cases/{id}": {
        "get": op("cases", "getCase", "办件详情（含可执行操作） / A case, with what the caller may do now",
                  "cases.case.read", ok("The case", DETAIL), errors=(400, 401, 403, 404)),
    },
    "/api/v1/cases/{id}/form": {
        "put": op("cases", "putCaseForm", "修改申请表（草稿或补正时） / Replace the form (draft, supplement)",
                  "cases.case.apply", ok("The case", DETAIL), json_body("#/components/schemas/CaseForm")),
    },
    "/api/v1/cases/{id}/materials/{index}/file": {
        "put": op("cases", "uploadMaterial", "上传材料文件（原始字节，PDF/PNG/JPEG，≤10 MiB） / Upload a material (raw body)",
                  "cases.material.upload", ok("The material", {"$ref": "#/components/schemas/CaseMaterial"}), raw,
                  errors=(400, 401, 403, 404, 409, 413, 415, 422)),
        "get": op("cases", "downloadMaterial", "下载材料文件 / Download a material's file", "cases.case.read",
                  ok("The bytes", binary, media="application/octet-stream"), errors=(400, 401, 403, 404)),
    },
    "/api/v1/cases/{id}/materials/{index}/check": {
        "post": op("cases", "checkMaterial", "核验材料（合格/不合格） / Check a material (ok / faulty)",
                   "cases.material.check", ok("The material", {"$ref": "#/components/schemas/CaseMaterial"}),
                   json_body("#/components/schemas/MaterialCheck")),
    },
    "/api/v1/cases/{id}/documents/{doc}/pdf": {
        "get": op("cases", "getCaseDocumentPdf", "下载文书 PDF（含核验二维码） / A notice as PDF, with its QR code",
                  "cases.case.read", ok("The PDF", binary, media="application/pdf"), errors=(400, 401, 403, 404)),
    },
    "/api/v1/cases/deadline-stats": {
        "get": op("cases", "getDeadlineStats", "时限监督：各部门在办、临期、超期 / Open, at-risk and overdue by department",
                  "cases.deadline.read", ok("Figures", obj), errors=(401, 403)),
    },
    "/api/v1/cases/deadline-scan": {
        "post": op("cases", "runDeadlineScan", "立即执行时限扫描 / Run the deadline scan now", "system.job.edit",
                   ok("What the scan did", obj), errors=(401, 403)),
    },
    "/api/v1/cases/applicants": {
        "post": op("cases", "registerAtWindow", "窗口现场登记申请人（当场核验） / Register an applicant at the window, papers checked",
                   "identity.applicant.verify", ok("The applicant (and a generated password, once)", obj, status="201"),
                   json_body("#/components/schemas/WindowRegistration")),
    },
    "/api/v1/cases/assistants": {
        "post": op("cases", "grantAssistant", "授权帮办代办 / Authorise a helper", "cases.assistant.manage",
                   ok("The consent", {"$ref": "#/components/schemas/Assistant"}, status="201"),
                   json_body("#/components/schemas/AssistantGrant")),
        "get": op("cases", "listAssistants", "我的帮办授权（申请人授出的，或帮办人获得的） / Consents given or held",
                  "cases.assistant.manage", ok("Consents", obj), errors=(401, 403)),
    },
    "/api/v1/cases/assistants/{id}": {
        "delete": op("cases", "revokeAssistant", "撤销帮办授权 / Revoke a consent", "cases.assistant.manage",
                     ok("Revoked", status="204"), errors=(400, 401, 403, 404)),
    },
    "/api/v1/public/documents/{code}": {
        "get": op("cases", "verifyDocument", "文书核验（公开） / Verify a notice (public)", "",
                  ok("What the document says", obj), errors=(404,), public=True),
    },
    "/api/v1/public/documents/{code}/check": {
        "post": op("cases", "checkDocumentPdf", "核对 PDF 是否与签发件一致（公开） / Is this PDF the one issued? (public)", "",
                   ok("genuine: true or false", obj), raw, errors=(404, 413), public=True),
    },
}
for action, permission, zh, en in ACTIONS:
    name = "case" + "".join(part.capitalize() for part in action.split("-"))
    cases_paths[f"/api/v1/cases/{{id}}/{action}"] = {
        "post": op("cases", name, f"{zh} / {en}", permission, ok("The case after the action", DETAIL),
                   {"required": False, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseAction"}}}})}

s = lambda props, required=(): {"type": "object", "properties": props, "required": list(required)}
string, integer, boolean = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
cases_doc = {
    "tags": [{"name": "cases", "description": "办件：申请、受理、审查、决定、出件 / Cases: apply, accept, review, decide, issue"}],
    "paths": cases_paths,
    "components": {"schemas": {
        "NewCase": s({"item_code": string, "form": obj, "applicant_id": integer, "submit": boolean}, ["item_code"]),
        "WindowRegistration": s({"username": string, "password": string, "kind": {"type": "string", "enum": ["natural", "legal"]},
                                 "name": string, "id_number": string, "credit_code": string, "phone": string},
                                ["username", "kind", "name"]),
        "CaseForm": s({"form": obj, "version": integer}, ["form"]),
        "MaterialCheck": s({"status": {"type": "string", "enum": ["ok", "faulty"]}, "reason": string}, ["status"]),
        "AssistantGrant": s({"helper_username": string, "expires_on": {"type": "string", "format": "date"}, "note": string},
                            ["helper_username", "expires_on"]),
        "Assistant": s({"id": integer, "applicant_id": integer, "helper_user_id": integer, "helper_name": string,
                        "expires_on": string, "revoked_at": {"type": ["string", "null"]}}),
        "CaseAction": s({"version": integer, "reason": string, "legal_basis": string, "note": string, "opinion": string,
                         "materials": {"type": "array"}, "promised_on": {"type": "string", "format": "date"},
                         "method": {"type": "string", "enum": ["pickup", "mail", "electronic"]},
                         "tracking_number": string, "reason_code": string, "days": integer}),
        "CaseMaterial": s({"index": integer, "name": string, "required": boolean, "source": string,
                           "status": {"type": "string", "enum": ["missing", "submitted", "ok", "faulty"]},
                           "reason": string, "deficiency": boolean, "versions": {"type": "array"}}),
        "CaseDetail": s({"id": integer, "number": string, "state": string, "version": integer, "item": obj,
                         "department": obj, "applicant": obj, "form": obj, "materials": {"type": "array"},
                         "clocks": {"type": "array"}, "events": {"type": "array"}, "documents": {"type": "array"},
                         "actions": {"type": "array", "items": string}}),
    }},
}

messages_doc = {
    "tags": [{"name": "messages", "description": "消息中心 / Message centre"}],
    "paths": {
        "/api/v1/messages": {"get": op("messages", "listMessages", "我的消息 / My messages", "authenticated",
                                       ok("A page of messages", {"$ref": "#/components/schemas/Page"}), errors=(400, 401))},
        "/api/v1/messages/unread-count": {"get": op("messages", "unreadMessages", "未读消息数 / Unread count",
                                                    "authenticated", ok("unread", obj), errors=(401,))},
        "/api/v1/messages/{id}/read": {"post": op("messages", "readMessage", "标记已读 / Mark read", "authenticated",
                                                  ok("Marked", status="204"), errors=(400, 401, 404))},
        "/api/v1/messages/read-all": {"post": op("messages", "readAllMessages", "全部标记已读 / Mark all read",
                                                 "authenticated", ok("marked", obj), errors=(401,))},
    },
}

for path, doc in ((ROOT / "src/cases/openapi.json", cases_doc), (ROOT / "src/messages/openapi.json", messages_doc)):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    print("wrote", path.relative_to(ROOT))
