import { reactive, ref } from 'vue'
import type { Page, PageQuery } from '@/api/types'

/**
 * State of a paged list page: the search model, the current page and the rows.
 * `toQuery` turns the search model into the API's query (dates to instants, '' left out).
 */
export function usePagedList<Row, Search extends object, Query extends PageQuery>(
  fetchPage: (q: Query) => Promise<Page<Row>>,
  initialSearch: () => Search,
  toQuery: (s: Search) => Omit<Query, keyof PageQuery>,
  pageSize = 20,
) {
  const search = reactive(initialSearch()) as Search
  const items = ref<Row[]>([])
  const total = ref(0)
  const page = ref(1)
  const size = ref(pageSize)
  const loading = ref(false)
  let seq = 0

  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const res = await fetchPage({ ...toQuery(search), page: page.value, size: size.value } as Query)
      if (mine !== seq) return
      items.value = res.items
      total.value = res.total
    } catch {
      // request.ts has shown the error; keep the rows we had
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function doSearch() {
    page.value = 1
    return load()
  }

  function reset() {
    Object.assign(search, initialSearch())
    return doSearch()
  }

  function onSizeChange(s: number) {
    size.value = s
    page.value = 1
    return load()
  }

  function onPageChange(p: number) {
    page.value = p
    return load()
  }

  return { search, items, total, page, size, loading, load, doSearch, reset, onSizeChange, onPageChange }
}
