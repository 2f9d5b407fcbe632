import {
  Avatar,
  Calendar,
  Document,
  HomeFilled,
  Monitor,
  OfficeBuilding,
  Operation,
  Setting,
  Tickets,
  User,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

/** Icons that route meta may name (kept explicit so the bundle carries only these). */
export const menuIcons: Record<string, Component> = {
  Avatar,
  Calendar,
  Document,
  HomeFilled,
  Monitor,
  OfficeBuilding,
  Operation,
  Setting,
  Tickets,
  User,
}
