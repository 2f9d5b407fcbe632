import { describe, expect, it } from 'vitest'
import {
  checkCitizenId,
  checkCreditCode,
  checkDivisionCode,
  checkPhoneCn,
  citizenIdCheckChar,
  creditCodeCheckChar,
  orgCodeCheckChar,
} from '@/utils/codes'

describe('unified social credit code (GB 32100)', () => {
  it('accepts real codes, lower case and spaces included', () => {
    for (const c of ['91350100M000100Y43', '91110108551385082Q', '914403001922038216', '9144030071526726XG', '91330100716105852F']) {
      expect(checkCreditCode(c), c).toMatchObject({ valid: true, reason: '' })
    }
    expect(checkCreditCode(' 91350100m000100y43 ').valid).toBe(true)
  })
  it('computes the check character from positions 1-17', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('91350100M000100Y')).toBeNull()
    expect(creditCodeCheckChar('91350100M000100YI')).toBeNull()
    expect(orgCodeCheckChar('M000100Y')).toBe('4')
  })
  it('names the first rule that fails', () => {
    expect(checkCreditCode('91350100M000100Y4').reason).toBe('length')
    expect(checkCreditCode('91350100M000100Y4I').reason).toBe('alphabet')
    expect(checkCreditCode('91350100O000100Y43').reason).toBe('alphabet')
    expect(checkCreditCode('91990100M000100Y43').reason).toBe('division')
    expect(checkCreditCode('91350100M000101Y43').reason).toBe('org_code_check')
    expect(checkCreditCode('91350100M000100Y44').reason).toBe('check_character')
  })
  it('tells a wrong check character alone from other faults (待核实 on import)', () => {
    expect(checkCreditCode('91350100M000100Y44').onlyCheckCharacterFails).toBe(true)
    expect(checkCreditCode('91350100M000101Y43').onlyCheckCharacterFails).toBe(false)
    expect(checkCreditCode('91350100M000100Y43').onlyCheckCharacterFails).toBe(false)
  })
})

describe('citizen ID number (GB 11643)', () => {
  it('accepts valid numbers, with X as the check character', () => {
    expect(checkCitizenId('11010519491231002X').valid).toBe(true)
    expect(checkCitizenId('11010519491231002x').valid).toBe(true)
    expect(checkCitizenId('440524188001010014').valid).toBe(true)
    expect(citizenIdCheckChar('11010519491231002')).toBe('X')
  })
  it('refuses a wrong check character, length, alphabet, province and birth date', () => {
    expect(checkCitizenId('110105194912310021').reason).toBe('check_character')
    expect(checkCitizenId('110105194912310021').onlyCheckCharacterFails).toBe(true)
    expect(checkCitizenId('11010519491231002').reason).toBe('length')
    expect(checkCitizenId('1101051949123100X2').reason).toBe('alphabet')
    expect(checkCitizenId('11010519491231002Y').reason).toBe('alphabet')
    const p = '99010519491231002'
    expect(checkCitizenId(p + citizenIdCheckChar(p)).reason).toBe('province')
    const feb30 = '11010519490230002'
    expect(checkCitizenId(feb30 + citizenIdCheckChar(feb30)).reason).toBe('birth_date')
    const future = '11010520990101002'
    expect(checkCitizenId(future + citizenIdCheckChar(future), '2026-11-23').reason).toBe('birth_date_future')
  })
  it('knows leap years', () => {
    const leap = '11010520000229002'
    expect(checkCitizenId(leap + citizenIdCheckChar(leap), '2026-01-01').valid).toBe(true)
    const notLeap = '11010519000229002'
    expect(checkCitizenId(notLeap + citizenIdCheckChar(notLeap), '2026-01-01').reason).toBe('birth_date')
  })
})

describe('division codes and phone numbers', () => {
  it('division codes have 6 or 9 digits', () => {
    expect(checkDivisionCode('370200').valid).toBe(true)
    expect(checkDivisionCode('370211001').valid).toBe(true)
    expect(checkDivisionCode('37021').valid).toBe(false)
    expect(checkDivisionCode('3702110011').valid).toBe(false)
    expect(checkDivisionCode('37021a').valid).toBe(false)
  })
  it('phone-cn: a mobile number or a landline with its area code', () => {
    for (const p of ['13912345678', '19912345678', '0532-88881234', '010-1234567']) expect(checkPhoneCn(p).valid, p).toBe(true)
    for (const p of ['12912345678', '1391234567', '053288881234', '0532-123456', '+8613912345678']) expect(checkPhoneCn(p).valid, p).toBe(false)
  })
})
