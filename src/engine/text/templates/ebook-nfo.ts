/** Default eBOOK NFO: 80 columns, CP437 box drawing, the fields the 2022 rules ask for (facts §1.4). */
export const DEFAULT_EBOOK_NFO = `╔══════════════════════════════════════════════════════════════════════════════╗
║{{ release.group | center: 78 | rpad: 78 }}║
╚══════════════════════════════════════════════════════════════════════════════╝

{{ release.name | wrap: 76, "  " }}

  Title ........: {{ book.title | wrap: 60, "", "                  " }}
  Author .......: {{ book.author | default: "n/a" }}
  Publisher ....: {{ book.publisher | default: "n/a" }}
  Published ....: {{ book.published | default: book.year }}
  Release date .: {{ release.date }}
  Language .....: {{ book.language | default: "English" }}
  Type .........: {{ book.source }}
  Format .......: {{ book.format }}
{%- if book.isbn != blank %}
  ISBN .........: {{ book.isbn }}{% endif %}
{%- if book.pages != blank %}
  Pages ........: {{ book.pages }}{% endif %}
{%- if book.genre != blank %}
  Genre ........: {{ book.genre }}{% endif %}
  Size .........: {{ release.size | size }}
  Disks ........: {{ release.disks.count }} x {{ release.disks.size | mb }}mb
{%- if book.url != blank %}
  Source .......: {{ book.url | wrap: 60, "", "                  " }}{% endif %}
{%- if book.description != blank %}

  Description:
{{ book.description | wrap: 76, "  " }}{% endif %}
{%- if release.notes != blank %}

  Notes:
{{ release.notes | wrap: 76, "  " }}{% endif %}

░▒▓█ packed with {{ tool.name }} {{ tool.version }} █▓▒░
`;
