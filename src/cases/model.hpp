#pragma once
// The words of cases 办件 (DOMAIN.md "Cases"; docs/cases.md). Plain structs; the SQL is in
// store.cpp, the rules in lifecycle.cpp and the services, the wire shapes in wire.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/time/clock.hpp"

namespace tongban::cases {

enum class State {
  kDraft,
  kSubmitted,
  kSupplementRequested,  // 补正: one notice listing everything missing or faulty
  kRefusalPending,       // a window proposed 不予受理; the hall supervisor decides (窗口无权否决)
  kInReview,             // 已受理, taken through the item's workflow steps
  kSuspended,            // 中止: the decision clock stands still
  kApproved,             // 准予, awaiting issue
  kDenied,               // 不予许可
  kRejected,             // 不予受理
  kIssued,               // 出件
  kCompleted,            // 办结
  kWithdrawn,
  kTerminated,
};
const char* ToString(State state);
std::optional<State> ParseState(std::string_view text);
const char* StateNameZh(State state);
const char* StateNameEn(State state);
// Open states can still change; the others are final.
bool IsOpen(State state);
const std::vector<State>& AllStates();

struct CaseMaterial {
  int index = 0;
  std::string name;
  bool required = true;
  std::string source;     // applicant | licence | shared (catalog::Material::source)
  std::string status;     // missing | submitted | ok | faulty
  std::string reason;
  bool deficiency = false;
  struct File {
    int version = 0;
    std::string sha256;
    std::int64_t size = 0;
    std::string media_type;
    std::string file_name;
    time::Instant uploaded_at;
    std::string uploaded_by;
  };
  std::vector<File> versions;  // oldest first
};

struct Clock {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string kind;         // acceptance | decision | delivery | deficiency | stage | project
  std::string started_on;   // YYYY-MM-DD
  int limit_days = 0;
  int statutory_days = 0;
  int extended_days = 0;
  std::string due_on;
  std::string statutory_due_on;
  std::string state;        // running | suspended | stopped
  int suspended_days = 0;
  std::optional<std::string> stopped_on;
  bool warned = false;
  bool overdue = false;
};

// 中止: the clock stands still from `from_on` (the day it was suspended) to the day before it
// resumed; `to_on` is empty while it lasts.
struct Suspension {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t clock_id = 0;
  std::string reason_code;
  std::string note;
  std::string from_on;
  int planned_days = 0;
  std::string planned_end_on;
  std::optional<std::string> to_on;
};

// 帮办代办: an applicant's consent that a helper acts for them until `expires_on`.
struct Assistant {
  std::int64_t id = 0;
  std::int64_t applicant_id = 0;
  std::int64_t helper_user_id = 0;
  std::string helper_name;
  std::string applicant_name;
  std::string note;
  time::Instant granted_at;
  std::string expires_on;
  std::optional<time::Instant> revoked_at;
};

struct Event {
  std::int64_t id = 0;
  time::Instant at;
  std::string action;
  std::string from_state;
  std::string to_state;
  std::string step_name;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_name;
  std::optional<std::string> on_behalf_of;
  std::string reason;
  nlohmann::json detail = nlohmann::json::object();
};

struct Document {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string kind;         // acceptance_notice | supplement_notice | rejection_notice | decision | ...
  std::string code;         // public verification key
  std::string title;
  nlohmann::json content;   // what the notice says (documents::Notice fields)
  std::string content_sha256;
  std::optional<std::string> pdf_sha256;
  time::Instant issued_at;
};

struct Case {
  std::int64_t id = 0;
  std::string number;
  std::optional<std::int64_t> parent_id;
  std::int64_t entry_id = 0;
  int version_no = 0;
  std::string item_code;
  std::string item_name;
  std::int64_t department_id = 0;
  std::optional<std::int64_t> hall_id;
  std::int64_t applicant_id = 0;
  std::optional<std::int64_t> helper_user_id;
  std::optional<std::int64_t> created_by;
  std::string channel;      // online | window
  State state = State::kDraft;
  int step_index = -1;
  std::string step_role;  // the role the step in hand names ("" outside review)
  nlohmann::json form = nlohmann::json::object();
  int version = 1;
  std::optional<std::string> received_on;
  nlohmann::json deficiency;       // null when none
  nlohmann::json pending_refusal;  // null when none
  nlohmann::json extension;        // null when none
  nlohmann::json suspension;       // null when none
  nlohmann::json delivery;         // null when none
  nlohmann::json decision;         // null when none
  time::Instant created_at;
  std::optional<time::Instant> submitted_at, accepted_at, decided_at, closed_at;
  time::Instant updated_at;
};

// A row of a case list: the case and what the list shows beside it.
struct CaseSummary {
  Case c;
  std::string applicant_name;
  std::string department_name;
  std::optional<Clock> clock;  // the clock running now (or the last one stopped)
};

}  // namespace tongban::cases
