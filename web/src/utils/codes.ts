/**
 * The codes a person types into forms, checked in the browser the way the server's platform/codes
 * checks them (DOMAIN.md "Codes"), so a slip is shown before anything is sent. The server checks
 * again; these functions only spare a round trip.
 *
 * Each check answers `{ valid, reason }`; `reason` names the first rule that failed, with the same
 * words as the server ("length", "alphabet", "division", "org_code_check", "check_character",
 * "province", "birth_date", "birth_date_future").
 */

export interface CodeCheck {
  valid: boolean
  /** '' when valid. */
  reason: string
  /** True when every rule but the final check character holds (an importer flags it 待核实). */
  onlyCheckCharacterFails: boolean
}

const ok: CodeCheck = { valid: true, reason: '', onlyCheckCharacterFails: false }
const fail = (reason: string, onlyCheck = false): CodeCheck => ({ valid: false, reason, onlyCheckCharacterFails: onlyCheck })

/** Province-level codes of GB/T 2260 (the first two digits of every division code). */
export const kProvinceCodes: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
  '81', '82',
])

/** Spaces around removed, lower-case letters upper-cased: what the server stores. */
export function normalizeCode(text: string): string {
  return text.trim().toUpperCase()
}

// ---- unified social credit code 统一社会信用代码 (GB 32100-2015) ------------------------------

/** The 31 characters of a credit code in value order (no I O S V Z). */
export const kCreditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const kCreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const kOrgWeights = [3, 7, 9, 10, 5, 8, 4, 2]

/** Position 18 for the first 17 characters; null when they are not 17 characters of the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = kCreditCodeAlphabet.indexOf(first17[i]!)
    if (v < 0) return null
    sum += v * kCreditWeights[i]!
  }
  return kCreditCodeAlphabet[(31 - (sum % 31)) % 31]!
}

/** GB 11714 check character of an organisation code's first 8 characters (digits and A-Z). */
export function orgCodeCheckChar(first8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return null
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55
    sum += v * kOrgWeights[i]!
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

export function checkCreditCode(code: string): CodeCheck {
  const s = normalizeCode(code)
  if ([...s].length !== 18) return fail('length')
  for (const c of s) if (!kCreditCodeAlphabet.includes(c)) return fail('alphabet')
  const division = s.slice(2, 8)
  let otherFailed = false
  let reason = ''
  if (division !== '100000' && !kProvinceCodes.has(division.slice(0, 2))) {
    otherFailed = true
    reason ||= 'division'
  }
  if (orgCodeCheckChar(s.slice(8, 16)) !== s[16]) {
    otherFailed = true
    reason ||= 'org_code_check'
  }
  const checkOk = creditCodeCheckChar(s.slice(0, 17)) === s[17]
  if (!checkOk) reason ||= 'check_character'
  return reason ? fail(reason, !checkOk && !otherFailed) : ok
}

// ---- citizen identity number 公民身份号码 (GB 11643-1999) --------------------------------------

const kIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const kIdChecks = '10X98765432'

/** The 18th character for the first 17 digits; null when they are not 17 digits. */
export function citizenIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * kIdWeights[i]!
  return kIdChecks[sum % 11]!
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[m - 1]!
}

/** `today` is YYYY-MM-DD (a birth date after it is refused); defaults to the browser's date. */
export function checkCitizenId(id: string, today?: string): CodeCheck {
  const s = normalizeCode(id)
  if (s.length !== 18) return fail('length')
  if (!/^\d{17}[\dX]$/.test(s)) return fail('alphabet')
  let reason = ''
  // 83 is the code of residence permits for people from Taiwan; it has no division of its own.
  if (!kProvinceCodes.has(s.slice(0, 2)) && s.slice(0, 2) !== '83') reason ||= 'province'
  const y = Number(s.slice(6, 10))
  const m = Number(s.slice(10, 12))
  const d = Number(s.slice(12, 14))
  if (!isRealDate(y, m, d)) reason ||= 'birth_date'
  else {
    const now = today ?? new Date().toISOString().slice(0, 10)
    if (`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > now) reason ||= 'birth_date_future'
  }
  const otherFailed = reason !== ''
  const checkOk = citizenIdCheckChar(s.slice(0, 17)) === s[17]
  if (!checkOk) reason ||= 'check_character'
  return reason ? fail(reason, !checkOk && !otherFailed) : ok
}

// ---- administrative division code 行政区划代码 and phone numbers -------------------------------

/** 6 digits (province, city, county) or 9 (a street or township: the county's 6 + 3). */
export function checkDivisionCode(code: string): CodeCheck {
  if (!/^\d{6}(\d{3})?$/.test(code)) return fail('length')
  return ok
}

/** A mainland mobile number 1[3-9]xxxxxxxxx, or a landline 0xx(x)-xxxxxxx(x). */
export const kPhoneCnPattern = /^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/

export function checkPhoneCn(phone: string): CodeCheck {
  return kPhoneCnPattern.test(phone) ? ok : fail('pattern')
}
