import { ref, type Ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { fieldErrors } from '@/utils/request'

/**
 * The save step every form dialog shares: clear the server's old field errors, validate the form
 * (when there is one), call the API, say so, close the dialog; on a problem+json answer, show its
 * field errors beside the fields (request.ts has already shown the message).
 */
export function useDialogSave(
  visible: Ref<boolean>,
  formRef?: Ref<FormInstance | undefined>,
  /** Where the fields sit in the request body (`/fields` for list entries); '' = at the top. */
  pointerPrefix = '',
) {
  const saving = ref(false)
  const serverErrors = ref<Record<string, string>>({})

  async function save(call: () => Promise<unknown>, successMessage: string, onSaved?: () => void) {
    serverErrors.value = {}
    if (formRef && !(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    try {
      await call()
      ElMessage({ type: 'success', message: successMessage })
      visible.value = false
      onSaved?.()
    } catch (e) {
      serverErrors.value = fieldErrors(e, pointerPrefix)
    } finally {
      saving.value = false
    }
  }

  return { saving, serverErrors, save }
}
