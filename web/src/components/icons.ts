import {
  Avatar,
  Calendar,
  Collection,
  DataAnalysis,
  Document,
  Files,
  HomeFilled,
  List,
  Memo,
  Monitor,
  OfficeBuilding,
  Operation,
  Postcard,
  Setting,
  Tickets,
  User,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

/** Icons that route meta may name (kept explicit so the bundle carries only these). */
export const menuIcons: Record<string, Component> = {
  Avatar,
  Calendar,
  Collection,
  DataAnalysis,
  Document,
  Files,
  HomeFilled,
  List,
  Memo,
  Monitor,
  OfficeBuilding,
  Operation,
  Postcard,
  Setting,
  Tickets,
  User,
}
