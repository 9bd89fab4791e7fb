// The exit-ticket grid (exit_ticket_grid.mustache): Tab moves along a row, Enter moves down to the
// same column in the next row; each change autosaves its row (debounced) with
// PUT /api/v1/exit-tickets. Rows not yet saved are marked (class + text) and kept in localStorage,
// so nothing typed is lost when the network drops: the queue is retried when the browser comes
// back online, every few seconds, and on the next visit.

const table = document.querySelector('table[data-exit-ticket-grid]')
if (table) initGrid(table)

function initGrid (table) {
  const csrf = table.dataset.csrf
  const groupId = Number(table.dataset.groupId)
  const subjectId = Number(table.dataset.subjectId)
  const date = table.dataset.date
  const storageKey = `waymark.exit-tickets.${groupId}.${subjectId}.${date}`
  const status = document.getElementById('grid-status')
  const form = table.closest('form')
  const topicDefault = form.querySelector('[data-grid-shared="topic"]')
  const maxScore = form.querySelector('[data-grid-shared="max"]')
  const rows = [...table.querySelectorAll('tbody tr[data-pupil-id]')]
  const timers = new Map()
  let flushing = false

  const loadQueue = () => {
    try { return JSON.parse(localStorage.getItem(storageKey) || '{}') } catch { return {} }
  }
  const saveQueue = (queue) => {
    if (Object.keys(queue).length === 0) localStorage.removeItem(storageKey)
    else localStorage.setItem(storageKey, JSON.stringify(queue))
  }
  const rowOf = (pupilId) => rows.find((row) => row.dataset.pupilId === String(pupilId))
  const input = (row, col) => row.querySelector(`[data-col="${col}"]`)

  function setRowState (row, state, message = '') {
    row.classList.toggle('wm-grid__row--unsaved', state === 'unsaved')
    row.classList.toggle('wm-grid__row--saved', state === 'saved')
    row.classList.toggle('wm-grid__row--error', state === 'error')
    const cell = row.querySelector('[data-row-state]')
    const tag = document.createElement('strong')
    tag.className = `govuk-tag ${state === 'saved' ? 'govuk-tag--green' : state === 'error' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`
    tag.textContent = state === 'saved' ? 'Saved' : state === 'error' ? `Not saved: ${message}` : 'Not saved yet'
    cell.replaceChildren(tag)
  }

  function updateStatus () {
    const pending = Object.keys(loadQueue()).length
    status.textContent = pending === 0
      ? 'All changes saved'
      : `${pending} ${pending === 1 ? 'change' : 'changes'} not saved yet`
    status.classList.toggle('wm-grid-status--unsaved', pending > 0)
  }

  // The row's ticket as the API takes it; null when the row is empty.
  function payload (row) {
    const topic = input(row, 'topic').value.trim() || topicDefault.value.trim()
    const result = input(row, 'score').value.trim()
    const mark = input(row, 'mark').value.trim()
    const comment = input(row, 'comment').value.trim()
    if (!result && !mark && !comment && !input(row, 'topic').value.trim()) return null
    const body = {
      pupil_id: Number(row.dataset.pupilId),
      subject_id: subjectId,
      teaching_group_id: groupId,
      lesson_date: date,
      topic,
      previous_topic: row.dataset.previousTopic || '',
      mark,
      comment,
      score: null,
      grade: ''
    }
    const max = maxScore.value.trim()
    body.max_score = max === '' || Number.isNaN(Number(max)) ? null : Number(max)
    if (result !== '' && !Number.isNaN(Number(result))) body.score = Number(result)
    else if (result !== '') body.grade = result
    return body
  }

  function queueRow (row) {
    const body = payload(row)
    const queue = loadQueue()
    if (body) queue[row.dataset.pupilId] = body
    else delete queue[row.dataset.pupilId]
    saveQueue(queue)
    if (body) setRowState(row, 'unsaved')
    updateStatus()
  }

  async function send (pupilId, body) {
    let response
    try {
      response = await fetch('/api/v1/exit-tickets', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(body)
      })
    } catch {
      return 'offline'
    }
    const row = rowOf(pupilId)
    if (response.ok) {
      const saved = await response.json()
      if (row) {
        row.dataset.previousTopic = saved.topic
        setRowState(row, 'saved')
      }
      return 'saved'
    }
    if (response.status >= 500 || response.status === 401) return 'offline'
    let message = `error ${response.status}`
    try { message = (await response.json()).error.message } catch {}
    if (row) setRowState(row, 'error', message)
    return 'rejected'
  }

  async function flush () {
    if (flushing) return
    flushing = true
    try {
      for (const [pupilId, body] of Object.entries(loadQueue())) {
        const outcome = await send(pupilId, body)
        if (outcome === 'offline') break
        const queue = loadQueue()
        // Keep a newer edit made while this one was in flight.
        if (JSON.stringify(queue[pupilId]) === JSON.stringify(body)) delete queue[pupilId]
        saveQueue(queue)
      }
    } finally {
      flushing = false
      updateStatus()
    }
  }

  function scheduleSave (row) {
    queueRow(row)
    clearTimeout(timers.get(row))
    timers.set(row, setTimeout(flush, 400))
  }

  table.addEventListener('input', (event) => {
    const row = event.target.closest('tr[data-pupil-id]')
    if (row) scheduleSave(row)
  })
  for (const shared of [topicDefault, maxScore]) {
    shared.addEventListener('change', () => {
      for (const row of rows) if (payload(row)) queueRow(row)
      setTimeout(flush, 400)
    })
  }

  // Enter moves down to the same column in the next row (and never submits the form).
  table.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.target.dataset.col) return
    event.preventDefault()
    const row = event.target.closest('tr')
    const rowIndex = rows.indexOf(row)
    const next = rows[rowIndex + (event.shiftKey ? -1 : 1)]
    if (next) input(next, event.target.dataset.col).focus()
  })

  // Restore what was typed but never saved (another visit, or the page reloaded offline).
  for (const [pupilId, body] of Object.entries(loadQueue())) {
    const row = rowOf(pupilId)
    if (!row) continue
    input(row, 'topic').value = body.topic === topicDefault.value.trim() ? '' : body.topic
    input(row, 'score').value = body.score ?? body.grade ?? ''
    input(row, 'mark').value = body.mark
    input(row, 'comment').value = body.comment
    setRowState(row, 'unsaved')
  }
  window.addEventListener('online', flush)
  setInterval(() => { if (Object.keys(loadQueue()).length > 0) flush() }, 5000)
  updateStatus()
  flush()
}
