// The register grid (attendance_register.mustache): ArrowDown / Enter move to the same column in
// the next row, ArrowUp (or Shift+Enter) to the previous one; Tab moves along a row as usual.
// Focusing a code selects it, so typing replaces the present mark; codes are upper-cased as typed
// (the backslash of a PM present mark is kept). Enter never submits: the Save button does, and
// the whole register goes in that one request.

const table = document.querySelector('table[data-register-grid]')
if (table) initRegisterGrid(table)

function initRegisterGrid (table) {
  const rows = [...table.querySelectorAll('tbody tr[data-pupil-id]')]
  const input = (row, col) => row.querySelector(`[data-col="${col}"]`)

  function move (from, step) {
    const row = from.closest('tr')
    const col = from.dataset.col
    let index = rows.indexOf(row) + step
    while (index >= 0 && index < rows.length) {
      const target = input(rows[index], col)
      if (target) {
        target.focus()
        target.select()
        return
      }
      index += step
    }
  }

  table.addEventListener('keydown', (event) => {
    const target = event.target
    if (!target.dataset || !target.dataset.col) return
    if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const up = event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)
      move(target, up ? -1 : 1)
    }
  })

  table.addEventListener('focusin', (event) => {
    if (event.target.dataset && event.target.dataset.col === 'code') event.target.select()
  })

  table.addEventListener('input', (event) => {
    const target = event.target
    if (!target.dataset || target.dataset.col !== 'code') return
    const upper = target.value.toUpperCase()
    if (upper !== target.value) target.value = upper
    const row = target.closest('tr')
    const late = upper.trim() === 'L' || upper.trim() === 'U'
    row.classList.toggle('wm-grid__row--unsaved', true)
    const minutes = input(row, 'minutes')
    if (minutes) minutes.toggleAttribute('aria-required', late)
  })
}
