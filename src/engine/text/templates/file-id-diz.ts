/** Default file_id.diz: ≤44 columns, ≤30 lines, with the disk counter the eBOOK rules require. */
export const DEFAULT_FILE_ID_DIZ = `{{ release.group | center: 44 }}
{{ book.title | default: release.name | wrap: 44 }}
{%- if book.author %}
{{ book.author | wrap: 44 }}{% endif %}
{{ book.year }} {{ book.source }} {{ book.format }}
DISK: {{ disk.counter }}
`;
